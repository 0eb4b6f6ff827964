#include "ProfileDialog.h"

#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace promdesk::ui {

namespace {

QString urlProblem(const QString &label, const QString &text)
{
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return QObject::tr("%1 '%2' is not an http:// or https:// address with a host name.").arg(label, text);
    if (!url.userInfo().isEmpty())
        return QObject::tr("%1 contains a user or password; put them in the authentication fields, where the "
                           "password goes to the keychain.")
            .arg(label);
    return {};
}

} // namespace

ProfileDialog::ProfileDialog(Stores stores, std::optional<Profile> existing, QWidget *parent)
    : QDialog(parent)
    , m_stores(stores)
    , m_existing(std::move(existing))
{
    setWindowTitle(m_existing ? tr("Edit profile %1").arg(m_existing->name) : tr("New profile"));
    setObjectName(QStringLiteral("profileDialog"));

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("profileName"));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("profileKind"));
    m_kind->addItem(tr("Tencent Cloud TMP"), int(ProfileKind::Tmp));
    m_kind->addItem(tr("Pushgateway"), int(ProfileKind::Pushgateway));
    m_kind->addItem(tr("Remote write receiver"), int(ProfileKind::RemoteWrite));
    m_kind->addItem(tr("Pushgateway and remote write"), int(ProfileKind::Generic));

    m_tmpRow = new QWidget;
    auto *tmpLayout = new QHBoxLayout(m_tmpRow);
    tmpLayout->setContentsMargins(0, 0, 0, 0);
    m_tmpAddress = new QLineEdit;
    m_tmpAddress->setObjectName(QStringLiteral("tmpAddress"));
    m_tmpAddress->setPlaceholderText(tr("instance address, e.g. http://10.0.0.8:9090"));
    m_tmpAppId = new QLineEdit;
    m_tmpAppId->setObjectName(QStringLiteral("tmpAppId"));
    m_tmpAppId->setPlaceholderText(tr("APPID"));
    auto *fill = new QPushButton(tr("Fill &TMP paths"));
    fill->setObjectName(QStringLiteral("fillTmp"));
    tmpLayout->addWidget(m_tmpAddress, 3);
    tmpLayout->addWidget(m_tmpAppId, 1);
    tmpLayout->addWidget(fill);

    m_pushgatewayUrl = new QLineEdit;
    m_pushgatewayUrl->setObjectName(QStringLiteral("pushgatewayUrl"));
    m_pushgatewayUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:9091"));
    m_remoteWriteUrl = new QLineEdit;
    m_remoteWriteUrl->setObjectName(QStringLiteral("remoteWriteUrl"));
    m_remoteWriteUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:9090/api/v1/write"));

    m_auth = new QComboBox;
    m_auth->setObjectName(QStringLiteral("authKind"));
    m_auth->addItem(tr("None"), int(Credentials::Kind::None));
    m_auth->addItem(tr("User and password (for TMP: APPID and token)"), int(Credentials::Kind::Basic));
    m_auth->addItem(tr("Bearer token"), int(Credentials::Kind::Bearer));
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("authUser"));
    m_secret = new QLineEdit;
    m_secret->setObjectName(QStringLiteral("authSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(m_existing && m_existing->auth != Credentials::Kind::None
                                     ? tr("unchanged (leave empty to keep the stored secret)")
                                     : tr("password or token"));
    m_inKeychain = new QRadioButton(tr("in the OS &keychain"));
    m_inKeychain->setObjectName(QStringLiteral("secretInKeychain"));
    m_sessionOnly = new QRadioButton(tr("for this &session only (forgotten on quit)"));
    m_sessionOnly->setObjectName(QStringLiteral("secretSessionOnly"));
    m_inKeychain->setChecked(true);
    auto *keep = new QWidget;
    auto *keepLayout = new QHBoxLayout(keep);
    keepLayout->setContentsMargins(0, 0, 0, 0);
    keepLayout->addWidget(m_inKeychain);
    keepLayout->addWidget(m_sessionOnly);
    keepLayout->addStretch();

    m_verifyPeer = new QCheckBox(tr("Verify the server's certificate"));
    m_verifyPeer->setObjectName(QStringLiteral("verifyPeer"));
    m_verifyPeer->setChecked(true);
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_clientCert = new QLineEdit;
    m_clientKey = new QLineEdit;
    m_timeout = new QSpinBox;
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(30);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("TMP instance:"), m_tmpRow);
    form->addRow(tr("&Pushgateway URL:"), m_pushgatewayUrl);
    form->addRow(tr("&Remote write URL:"), m_remoteWriteUrl);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("&User / APPID:"), m_user);
    form->addRow(tr("Pass&word / token:"), m_secret);
    form->addRow(tr("Keep the secret:"), keep);
    form->addRow(QString(), m_verifyPeer);
    form->addRow(tr("CA &file:"), fileField(m_caFile, tr("CA certificates")));
    form->addRow(tr("Client certificate:"), fileField(m_clientCert, tr("Client certificate")));
    form->addRow(tr("Client key:"), fileField(m_clientKey, tr("Client key")));
    form->addRow(tr("&Timeout:"), m_timeout);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("profileError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: #b3261e; padding: 6px;"));
    m_error->hide();
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox;
    m_testButton = buttons->addButton(tr("Test &connection"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_saveButton = buttons->addButton(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveProfile"));
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_testResult);
    layout->addWidget(buttons);

    if (m_existing) {
        const Profile &p = *m_existing;
        m_name->setText(p.name);
        m_kind->setCurrentIndex(m_kind->findData(int(p.kind)));
        m_pushgatewayUrl->setText(p.pushgatewayUrl);
        m_remoteWriteUrl->setText(p.remoteWriteUrl);
        m_auth->setCurrentIndex(m_auth->findData(int(p.auth)));
        m_user->setText(p.user);
        m_verifyPeer->setChecked(p.verifyPeer);
        m_caFile->setText(p.caFile);
        m_clientCert->setText(p.clientCertFile);
        m_clientKey->setText(p.clientKeyFile);
        m_timeout->setValue(std::max(1, p.timeoutMs / 1000));
    } else {
        m_kind->setCurrentIndex(m_kind->findData(int(ProfileKind::Pushgateway)));
    }

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateVisibility);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateVisibility);
    connect(fill, &QPushButton::clicked, this, &ProfileDialog::fillFromTmpTemplate);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateVisibility();
    resize(640, sizeHint().height());
}

QWidget *ProfileDialog::fileField(QLineEdit *edit, const QString &title)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose a file"));
    layout->addWidget(edit);
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!path.isEmpty())
            edit->setText(path);
    });
    return row;
}

void ProfileDialog::updateVisibility()
{
    const auto kind = ProfileKind(m_kind->currentData().toInt());
    m_tmpRow->setEnabled(kind == ProfileKind::Tmp);
    const auto auth = Credentials::Kind(m_auth->currentData().toInt());
    m_user->setEnabled(auth == Credentials::Kind::Basic);
    m_secret->setEnabled(auth != Credentials::Kind::None);
    m_inKeychain->setEnabled(auth != Credentials::Kind::None);
    m_sessionOnly->setEnabled(auth != Credentials::Kind::None);
}

void ProfileDialog::fillFromTmpTemplate()
{
    const QString address = m_tmpAddress->text().trimmed();
    if (const QString problem = urlProblem(tr("The TMP instance address"), address); !problem.isEmpty() || address.isEmpty()) {
        showError(address.isEmpty() ? tr("Enter the TMP instance's address (from the TMP console's \"Basic info\" page) "
                                         "first.")
                                    : problem);
        return;
    }
    const Profile tmp = tmpProfileTemplate(m_name->text(), address, m_tmpAppId->text().trimmed());
    m_kind->setCurrentIndex(m_kind->findData(int(ProfileKind::Tmp)));
    m_pushgatewayUrl->setText(tmp.pushgatewayUrl);
    m_remoteWriteUrl->setText(tmp.remoteWriteUrl);
    m_auth->setCurrentIndex(m_auth->findData(int(tmp.auth)));
    m_user->setText(tmp.user);
    m_error->hide();
    m_secret->setFocus();
}

Profile ProfileDialog::profile() const
{
    Profile p = m_existing.value_or(Profile{});
    p.name = m_name->text().trimmed();
    p.kind = ProfileKind(m_kind->currentData().toInt());
    p.pushgatewayUrl = m_pushgatewayUrl->text().trimmed();
    p.remoteWriteUrl = m_remoteWriteUrl->text().trimmed();
    p.auth = Credentials::Kind(m_auth->currentData().toInt());
    p.user = p.auth == Credentials::Kind::Basic ? m_user->text().trimmed() : QString();
    p.verifyPeer = m_verifyPeer->isChecked();
    p.caFile = m_caFile->text().trimmed();
    p.clientCertFile = m_clientCert->text().trimmed();
    p.clientKeyFile = m_clientKey->text().trimmed();
    p.timeoutMs = m_timeout->value() * 1000;
    return p;
}

QString ProfileDialog::problemWithFields() const
{
    const Profile p = profile();
    if (p.name.isEmpty())
        return tr("Give the profile a name.");
    if (p.pushgatewayUrl.isEmpty() && p.remoteWriteUrl.isEmpty())
        return tr("Enter a Pushgateway URL, a remote write URL, or both.");
    if (QString problem = urlProblem(tr("The Pushgateway URL"), p.pushgatewayUrl); !problem.isEmpty())
        return problem;
    if (QString problem = urlProblem(tr("The remote write URL"), p.remoteWriteUrl); !problem.isEmpty())
        return problem;
    if (p.auth == Credentials::Kind::Basic && p.user.isEmpty())
        return tr("Enter the user name (for TMP: the APPID).");
    const bool hadSecret = m_existing && m_existing->auth != Credentials::Kind::None;
    if (p.auth != Credentials::Kind::None && m_secret->text().isEmpty() && !hadSecret)
        return tr("Enter the password or token; it is kept in the keychain, never in the profile file.");
    if (p.clientCertFile.isEmpty() != p.clientKeyFile.isEmpty())
        return tr("A client certificate needs its key, and a key its certificate.");
    return {};
}

void ProfileDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString ProfileDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }
QString ProfileDialog::testText() const { return m_testResult->text(); }

void ProfileDialog::save()
{
    if (const QString problem = problemWithFields(); !problem.isEmpty()) {
        showError(problem);
        emit stepFinished();
        return;
    }
    Profile saved = profile();
    QString error;
    if (!m_stores.profiles->save(saved, &error)) {
        showError(tr("The profile was not saved: %1.").arg(error));
        emit stepFinished();
        return;
    }
    m_existing = saved; // a second Save (e.g. after choosing "this session only") updates it
    showError({});
    storeSecret(saved);
}

void ProfileDialog::storeSecret(const Profile &saved)
{
    auto done = [this, saved] {
        emit profileSaved(saved);
        emit stepFinished();
        accept();
    };
    if (saved.auth == Credentials::Kind::None) {
        // Nothing to keep; forget what an earlier version of the profile had.
        m_stores.session->remove(saved.id, this, [](const SecretResult &) {});
        m_stores.keychain->remove(saved.id, this, [](const SecretResult &) {});
        done();
        return;
    }
    // Not wiped after use: QLineEdit keeps its own copies of what was typed (undo included), so
    // filling this one with zeros would only pretend. The field is cleared once the secret is stored.
    const QString secret = m_secret->text();
    if (secret.isEmpty()) { // editing, secret unchanged
        done();
        return;
    }
    m_saveButton->setEnabled(false);
    SecretStore *store = m_sessionOnly->isChecked() ? m_stores.session : m_stores.keychain;
    store->write(saved.id, secret, this, [this, saved, store, done](const SecretResult &result) {
        m_saveButton->setEnabled(true);
        if (!result.ok()) {
            showError(tr("The profile was saved, but its secret could not be put in %1: %2\n\nFix the keychain and "
                         "press Save again, or choose \"for this session only\" to use the profile until you quit.")
                          .arg(store->description(), result.message));
            emit stepFinished();
            return;
        }
        m_secret->clear();
        done();
    });
}

void ProfileDialog::testConnection()
{
    const Profile candidate = profile();
    if (candidate.pushgatewayUrl.isEmpty() && candidate.remoteWriteUrl.isEmpty()) {
        showError(tr("Enter a Pushgateway URL or a remote write URL to test."));
        emit stepFinished();
        return;
    }
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Testing…"));
    auto run = [this, candidate](const QString &secret, const HttpHeaders &secretHeaders) {
        ConnectionTest *test = ConnectionTest::start(candidate, secret, m_stores.http, this, secretHeaders);
        connect(test, &ConnectionTest::finished, this, [this, candidate](const QList<EndpointCheck> &checks) {
            QStringList lines;
            for (const EndpointCheck &check : checks)
                lines << (check.ok() ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + check.describe(candidate.verifyPeer);
            m_testResult->setText(lines.join(QLatin1Char('\n')));
            m_testButton->setEnabled(true);
            emit stepFinished();
        });
    };
    if (candidate.id.isEmpty()) {
        run(m_secret->text(), {});
        return;
    }
    // The secret typed here wins over the stored one; the secret headers come from the keychain.
    const QString typed = m_secret->text();
    readProfileSecret(
        *m_stores.session, *m_stores.keychain, candidate, this,
        [this, run, typed](const SecretResult &stored) {
            if (!stored.ok()) {
                m_testResult->setText(tr("✘ The stored secret could not be read: %1").arg(stored.message));
                m_testButton->setEnabled(true);
                emit stepFinished();
                return;
            }
            run(typed.isEmpty() ? stored.secret : typed, stored.headers);
        },
        typed.isEmpty());
}

} // namespace promdesk::ui
