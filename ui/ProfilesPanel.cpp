#include "ProfilesPanel.h"

#include "ToolTips.h"

#include "Confirm.h"
#include "ConsoleContext.h"
#include "ProfileDialog.h"
#include "profiles/ConnectionTest.h"
#include "profiles/ProfileStore.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace promdesk::ui {

ProfilesPanel::ProfilesPanel(ConsoleContext *context, SandboxEndpoints sandbox, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_sandbox(std::move(sandbox))
    , m_store(std::make_unique<ProfileStore>(ProfileStore::defaultPath()))
{
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    auto *add = new QPushButton(tr("&New…"));
    add->setObjectName(QStringLiteral("newProfile"));
    m_edit = new QPushButton(tr("&Edit…"));
    m_edit->setObjectName(QStringLiteral("editProfile"));
    m_delete = new QPushButton(tr("Delete"));
    m_delete->setObjectName(QStringLiteral("deleteProfile"));
    m_test = new QPushButton(tr("&Test connection"));
    m_test->setObjectName(QStringLiteral("testProfile"));
    m_test->setToolTip(tr("Send harmless requests to the profile's endpoints (Ctrl+T)"));

    m_welcome = new QWidget;
    m_welcome->setObjectName(QStringLiteral("welcome"));
    auto *welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->setContentsMargins(0, 0, 0, 0);
    auto *welcomeText
        = new QLabel(tr("<p><b>Welcome to PromDesk.</b></p><p>Make a profile for what you want to push to:</p>"));
    welcomeText->setWordWrap(true);
    auto *newTmp = new QPushButton(tr("New &TMP profile…"));
    newTmp->setObjectName(QStringLiteral("welcomeNewTmp"));
    newTmp->setToolTip(
        wrappedToolTip(tr("A Tencent Cloud Managed Service for Prometheus instance: its address, APPID and token.")));
    auto *newGateway = new QPushButton(tr("New &Pushgateway profile…"));
    newGateway->setObjectName(QStringLiteral("welcomeNewPushgateway"));
    auto *sandboxHint
        = new QLabel(tr("<p>Or try everything on this machine first: <code>scripts/run.sh</code> starts a local "
                        "Pushgateway and Prometheus and opens PromDesk with them.</p>"));
    sandboxHint->setWordWrap(true);
    sandboxHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    welcomeLayout->addWidget(welcomeText);
    welcomeLayout->addWidget(newTmp);
    welcomeLayout->addWidget(newGateway);
    welcomeLayout->addWidget(sandboxHint);
    welcomeLayout->addStretch();
    connect(newTmp, &QPushButton::clicked, this, [this] { newProfileOfKind(ProfileKind::Tmp); });
    connect(newGateway, &QPushButton::clicked, this, [this] { newProfileOfKind(ProfileKind::Pushgateway); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Profiles</b>")));
    layout->addWidget(m_list);
    layout->addWidget(m_welcome);
    auto *buttons = new QGridLayout;
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(m_edit, 0, 1);
    buttons->addWidget(m_delete, 1, 0);
    buttons->addWidget(m_test, 1, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesPanel::onRowChanged);
    connect(m_context, &ConsoleContext::secretChecked, this, &ProfilesPanel::showSecretState);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (!isSandbox(m_list->currentRow()))
            editProfile();
    });
    connect(add, &QPushButton::clicked, this, &ProfilesPanel::newProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesPanel::editProfile);
    connect(m_delete, &QPushButton::clicked, this, &ProfilesPanel::deleteProfile);
    connect(m_test, &QPushButton::clicked, this, &ProfilesPanel::testConnection);
    reload();
}

ProfilesPanel::~ProfilesPanel() = default;

bool ProfilesPanel::isSandbox(int row) const
{
    return row == 0 && !m_sandbox.pushgatewayUrl.isEmpty();
}

void ProfilesPanel::reload(const QString &selectName)
{
    const QString keep
        = selectName.isEmpty() && m_list->currentRow() >= 0 ? m_entries.value(m_list->currentRow()).name : selectName;
    QSignalBlocker block(m_list);
    m_list->clear();
    m_entries.clear();
    // The local sandbox first, when run.sh started one; then the saved profiles.
    if (!m_sandbox.pushgatewayUrl.isEmpty()) {
        Profile local;
        local.name = tr("Local sandbox");
        local.pushgatewayUrl = m_sandbox.pushgatewayUrl;
        local.remoteWriteUrl = m_sandbox.remoteWriteUrl;
        local.queryUrl = m_sandbox.queryUrl;
        m_entries.append(local);
    }
    m_entries += m_store->profiles();
    for (int row = 0; row < m_entries.size(); ++row) {
        const Profile &profile = m_entries.at(row);
        auto *item = new QListWidgetItem;
        item->setToolTip(QStringList{profile.pushgatewayUrl, profile.remoteWriteUrl}.join(QLatin1Char('\n')).trimmed());
        m_list->addItem(item);
        if (profile.auth == Credentials::Kind::None) {
            setItemText(row, isSandbox(row) ? tr("on this machine") : tr("no secret needed"));
        } else {
            setItemText(row, tr("secret: checking…"));
            checkSecret(row);
        }
    }
    block.unblock();
    m_list->setVisible(!m_entries.isEmpty());
    m_welcome->setVisible(m_entries.isEmpty());
    if (m_entries.isEmpty()) {
        emit connectionState(tr("No profiles yet — press New… to add one, or start the local sandbox (scripts/run.sh)"),
                             false);
        onRowChanged(-1);
        return;
    }
    m_list->setCurrentRow(0);
    select(keep);
}

void ProfilesPanel::select(const QString &name)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name)
            m_list->setCurrentRow(row);
    }
}

void ProfilesPanel::setItemText(int row, const QString &secretStatus)
{
    const Profile &profile = m_entries.at(row);
    m_list->item(row)->setText(profile.name + QLatin1Char('\n') + profileKindName(profile.kind) + QStringLiteral(" · ")
                               + secretStatus);
}

namespace {

// The secret's state in the sidebar's words: what it is, and what to do. The full message, with
// the keychain's own words, is the row's tooltip.
QString secretStateWords(const SecretResult &result)
{
    switch (result.status) {
    case SecretResult::Status::Ok:
        return ProfilesPanel::tr("secret available");
    case SecretResult::Status::NotFound:
        return ProfilesPanel::tr("secret missing — Edit to enter it");
    case SecretResult::Status::Locked:
        return ProfilesPanel::tr("keychain locked — unlock it, then send again");
    case SecretResult::Status::NoKeychain:
        return ProfilesPanel::tr("no keychain service — see the tooltip");
    case SecretResult::Status::Denied:
        return ProfilesPanel::tr("keychain access denied — allow PromDesk");
    case SecretResult::Status::Failed:
        break;
    }
    return ProfilesPanel::tr("keychain error — see the tooltip");
}

} // namespace

void ProfilesPanel::checkSecret(int row)
{
    m_context->readSecret(m_entries.at(row), this, [](const SecretResult &) {}); // told through secretChecked
}

void ProfilesPanel::showSecretState(const QString &profileId, const SecretResult &result)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        const Profile &profile = m_entries.at(row);
        if (profile.id != profileId || profile.auth == Credentials::Kind::None)
            continue;
        setItemText(row, secretStateWords(result));
        const QString where
            = QStringList{profile.pushgatewayUrl, profile.remoteWriteUrl}.join(QLatin1Char('\n')).trimmed();
        m_list->item(row)->setToolTip(
            wrappedToolTip(result.ok() ? where : where + QStringLiteral("\n\n") + result.message));
        emit secretStatusChecked(row);
    }
}

void ProfilesPanel::onRowChanged(int row)
{
    const bool saved = row >= 0 && row < m_entries.size() && !isSandbox(row);
    m_edit->setEnabled(saved);
    m_delete->setEnabled(saved);
    m_test->setEnabled(row >= 0 && row < m_entries.size());
    if (row < 0 || row >= m_entries.size()) {
        m_context->setProfile(std::nullopt);
        return;
    }
    m_context->setProfile(m_entries.at(row));
    emit connectionState(tr("connection not tested (Ctrl+T tests it)"), true);
}

void ProfilesPanel::newProfile()
{
    openDialog(std::nullopt);
}

void ProfilesPanel::newProfileOfKind(ProfileKind kind)
{
    openDialog(std::nullopt, kind);
}

void ProfilesPanel::editProfile()
{
    const int row = m_list->currentRow();
    if (row >= 0 && row < m_entries.size() && !isSandbox(row))
        openDialog(m_entries.at(row));
}

void ProfilesPanel::openDialog(const std::optional<Profile> &existing, std::optional<ProfileKind> kind)
{
    auto *dialog = new ProfileDialog(
        {m_store.get(), &m_context->keychain(), &m_context->sessionSecrets(), &m_context->http()}, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (kind)
        dialog->startAs(*kind);
    connect(dialog, &ProfileDialog::profileSaved, this, [this](const Profile &profile) { reload(profile.name); });
    // A test from the dialog is a test of that profile's connection: the status bar says it too.
    connect(dialog, &ProfileDialog::connectionTested, this, &ProfilesPanel::connectionState);
    dialog->open();
}

void ProfilesPanel::deleteProfile()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size() || isSandbox(row))
        return;
    const Profile profile = m_entries.at(row);
    if (!Confirm::ask(
            this, tr("Delete profile"),
            tr("Delete profile '%1'? Its secret is removed from the keychain too. The history keeps its requests.")
                .arg(profile.name),
            tr("Delete profile")))
        return;
    m_store->remove(profile.id);
    m_context->sessionSecrets().remove(profile.id, this, [](const SecretResult &) {});
    m_context->keychain().remove(profile.id, this, [this, profile](const SecretResult &result) {
        if (!result.ok() && result.status != SecretResult::Status::NotFound)
            emit connectionState(
                tr("Profile '%1' deleted, but its secret stays in the keychain: %2").arg(profile.name, result.message),
                false);
    });
    for (const QString &header : profile.secretHeaders)
        m_context->keychain().remove(secretHeaderKey(profile.id, header), this, [](const SecretResult &) {});
    reload();
}

void ProfilesPanel::testConnection()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size())
        return;
    const Profile profile = m_entries.at(row);
    m_test->setEnabled(false);
    emit connectionState(tr("%1: testing the connection…").arg(profile.name), true);
    m_context->readSecret(profile, this, [this, profile](const SecretResult &secret) {
        if (!secret.ok()) {
            m_test->setEnabled(true);
            emit connectionState(tr("%1: the secret is not available: %2").arg(profile.name, secret.message), false);
            emit testFinished();
            return;
        }
        ConnectionTest *test = ConnectionTest::start(profile, secret.secret, &m_context->http(), this, secret.headers);
        connect(test, &ConnectionTest::finished, this, [this, profile](const QList<EndpointCheck> &checks) {
            m_test->setEnabled(true);
            QStringList failures;
            qint64 slowest = 0;
            for (const EndpointCheck &check : checks) {
                slowest = std::max(slowest, check.result.durationMs);
                if (!check.ok())
                    failures << check.describe(profile.verifyPeer);
            }
            if (failures.isEmpty())
                emit connectionState(tr("%1: connected (%2 ms)").arg(profile.name, QString::number(slowest)), true);
            else
                emit connectionState(failures.join(QStringLiteral("  ·  ")), false);
            emit testFinished();
        });
    });
}

} // namespace promdesk::ui
