#include "ProfileDialog.h"

#include "Confirm.h"
#include "model/Names.h"

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
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QUuid>
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

// What the headers field shows for a header whose value is in the keychain; left as it is, the
// value stays there.
QString keptInKeychain()
{
    return ProfileDialog::tr("(kept in the keychain)");
}

// The instance address a TMP profile was made from (tmpProfileTemplate): its Pushgateway URL, or
// its remote write URL without the write path.
QString tmpAddressOf(const Profile &p)
{
    if (!p.pushgatewayUrl.isEmpty())
        return p.pushgatewayUrl;
    QString address = p.remoteWriteUrl;
    if (address.endsWith(QLatin1String("/api/v1/prom/write")))
        address.chop(int(qstrlen("/api/v1/prom/write")));
    return address;
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
    makeTmpRow();
    makeEndpointFields();
    QWidget *keep = makeAuthFields();
    QWidget *proxyRow = makeConnectionFields();
    makeStatusLabels();
    QDialogButtonBox *buttons = makeButtons();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(makeForm(keep, proxyRow));
    layout->addWidget(m_error);
    layout->addWidget(m_testResult);
    layout->addWidget(buttons);
    // Enter saves, wherever the focus is; it never presses Test (which disables itself while it
    // runs and hands the focus on) or Cancel (which would throw the new profile away). Set once
    // the button is in the dialog, which only then takes it as its default.
    m_saveButton->setDefault(true);

    if (m_existing)
        fillFields(*m_existing);
    else
        m_kind->setCurrentIndex(m_kind->findData(int(ProfileKind::Pushgateway)));

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateVisibility);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateVisibility);
    connect(m_proxy, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateVisibility);
    updateVisibility();
    resize(640, sizeHint().height());
    m_shown = profile();
}

// TMP's instance address and APPID, and the button that fills the URLs from them.
void ProfileDialog::makeTmpRow()
{
    m_tmpRow = new QWidget;
    auto *tmpLayout = new QHBoxLayout(m_tmpRow);
    tmpLayout->setContentsMargins(0, 0, 0, 0);
    m_tmpAddress = new QLineEdit;
    m_tmpAddress->setObjectName(QStringLiteral("tmpAddress"));
    m_tmpAddress->setAccessibleName(tr("TMP instance address"));
    m_tmpAddress->setPlaceholderText(tr("instance address, e.g. http://10.0.0.8:9090"));
    m_tmpAppId = new QLineEdit;
    m_tmpAppId->setObjectName(QStringLiteral("tmpAppId"));
    m_tmpAppId->setAccessibleName(tr("TMP APPID"));
    m_tmpAppId->setPlaceholderText(tr("APPID"));
    auto *fill = new QPushButton(tr("Fill &TMP paths"));
    fill->setObjectName(QStringLiteral("fillTmp"));
    tmpLayout->addWidget(m_tmpAddress, 3);
    tmpLayout->addWidget(m_tmpAppId, 1);
    tmpLayout->addWidget(fill);
    connect(fill, &QPushButton::clicked, this, &ProfileDialog::fillFromTmpTemplate);
}

void ProfileDialog::makeEndpointFields()
{
    m_pushgatewayUrl = new QLineEdit;
    m_pushgatewayUrl->setObjectName(QStringLiteral("pushgatewayUrl"));
    m_pushgatewayUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:9091"));
    m_queryUrl = new QLineEdit;
    m_queryUrl->setObjectName(QStringLiteral("queryUrl"));
    m_queryUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:9090"));
    m_queryUrl->setToolTip(
        tr("A Prometheus query API (/api/v1/query answers there), to check that pushed data arrived. "
           "TMP: the instance address. The profile's credentials go with the queries only when this is the "
           "push's own server (same scheme, host and port)."));
    m_remoteWriteUrl = new QLineEdit;
    m_remoteWriteUrl->setObjectName(QStringLiteral("remoteWriteUrl"));
    m_remoteWriteUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:9090/api/v1/write"));
}

// The kind of authentication, the user and the secret, and where the secret is kept (the row
// returned).
QWidget *ProfileDialog::makeAuthFields()
{
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
    return keep;
}

// TLS, the timeout, the proxy (its row returned), default grouping labels and extra headers.
QWidget *ProfileDialog::makeConnectionFields()
{
    m_verifyPeer = new QCheckBox(tr("Verify the server's certificate"));
    m_verifyPeer->setObjectName(QStringLiteral("verifyPeer"));
    m_verifyPeer->setChecked(true);
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("CA certificates file"));
    m_clientCert = new QLineEdit;
    m_clientCert->setAccessibleName(tr("Client certificate file"));
    m_clientKey = new QLineEdit;
    m_clientKey->setAccessibleName(tr("Client key file"));
    m_timeout = new QSpinBox;
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(30);
    m_proxy = new QComboBox;
    m_proxy->setObjectName(QStringLiteral("proxyMode"));
    m_proxy->addItem(tr("The system's"), int(ProxyMode::System));
    m_proxy->addItem(tr("None"), int(ProxyMode::None));
    m_proxy->addItem(tr("This one:"), int(ProxyMode::Custom));
    m_proxyUrl = new QLineEdit;
    m_proxyUrl->setObjectName(QStringLiteral("proxyUrl"));
    m_proxyUrl->setAccessibleName(tr("Proxy URL"));
    m_proxyUrl->setPlaceholderText(QStringLiteral("http://proxy.example:3128"));
    auto *proxyRow = new QWidget;
    auto *proxyLayout = new QHBoxLayout(proxyRow);
    proxyLayout->setContentsMargins(0, 0, 0, 0);
    proxyLayout->addWidget(m_proxy);
    proxyLayout->addWidget(m_proxyUrl, 1);
    m_groupingLabels = new QLineEdit;
    m_groupingLabels->setObjectName(QStringLiteral("defaultGroupingLabels"));
    m_groupingLabels->setPlaceholderText(tr("instance=web-1, db=orders  (an empty value means this host's name)"));
    m_headers = new QPlainTextEdit;
    m_headers->setObjectName(QStringLiteral("extraHeaders"));
    m_headers->setPlaceholderText(
        tr("One per line, Name: value. A header that carries a credential (X-Api-Key, X-Tenant-Pass…) "
           "has its value kept in the keychain."));
    m_headers->setTabChangesFocus(true);
    m_headers->setMaximumHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);
    return proxyRow;
}

QFormLayout *ProfileDialog::makeForm(QWidget *keep, QWidget *proxyRow)
{
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("TMP instance:"), m_tmpRow);
    form->addRow(tr("&Pushgateway URL:"), m_pushgatewayUrl);
    form->addRow(tr("&Remote write URL:"), m_remoteWriteUrl);
    form->addRow(tr("&Query URL:"), m_queryUrl);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("&User / APPID:"), m_user);
    form->addRow(tr("Pass&word / token:"), m_secret);
    form->addRow(tr("Keep the secret:"), keep);
    form->addRow(QString(), m_verifyPeer);
    form->addRow(tr("CA &file:"), fileField(m_caFile, tr("CA certificates")));
    form->addRow(tr("Client certificate:"), fileField(m_clientCert, tr("Client certificate")));
    form->addRow(tr("Client key:"), fileField(m_clientKey, tr("Client key")));
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("Pro&xy:"), proxyRow);
    form->addRow(tr("&Grouping labels:"), m_groupingLabels);
    form->addRow(tr("Extra &headers:"), m_headers);
    return form;
}

void ProfileDialog::makeStatusLabels()
{
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
}

QDialogButtonBox *ProfileDialog::makeButtons()
{
    auto *buttons = new QDialogButtonBox;
    m_testButton = buttons->addButton(tr("Test &connection"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_saveButton = buttons->addButton(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveProfile"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_testButton->setAutoDefault(false);
    cancel->setAutoDefault(false);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    return buttons;
}

void ProfileDialog::fillFields(const Profile &p)
{
    m_name->setText(p.name);
    m_kind->setCurrentIndex(m_kind->findData(int(p.kind)));
    if (p.kind == ProfileKind::Tmp) {
        m_tmpAddress->setText(tmpAddressOf(p));
        m_tmpAppId->setText(p.user);
    }
    m_pushgatewayUrl->setText(p.pushgatewayUrl);
    m_remoteWriteUrl->setText(p.remoteWriteUrl);
    m_queryUrl->setText(p.queryUrl);
    m_auth->setCurrentIndex(m_auth->findData(int(p.auth)));
    m_user->setText(p.user);
    m_verifyPeer->setChecked(p.verifyPeer);
    m_caFile->setText(p.caFile);
    m_clientCert->setText(p.clientCertFile);
    m_clientKey->setText(p.clientKeyFile);
    m_timeout->setValue(std::max(1, p.timeoutMs / 1000));
    m_proxy->setCurrentIndex(m_proxy->findData(int(p.proxy)));
    m_proxyUrl->setText(p.proxyUrl);
    QStringList labels;
    for (const Label &label : p.groupingLabels)
        labels << label.name + QLatin1Char('=') + label.value;
    m_groupingLabels->setText(labels.join(QStringLiteral(", ")));
    QStringList headers;
    for (const auto &header : p.extraHeaders)
        headers << QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second);
    for (const QString &name : p.secretHeaders)
        headers << name + QStringLiteral(": ") + keptInKeychain();
    m_headers->setPlainText(headers.join(QLatin1Char('\n')));
}

void ProfileDialog::startAs(ProfileKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    if (kind == ProfileKind::Tmp) {
        m_auth->setCurrentIndex(m_auth->findData(int(Credentials::Kind::Basic)));
        m_tmpAddress->setFocus();
    } else {
        m_name->setFocus();
    }
    m_shown = profile(); // a preset is not a change
}

HttpHeaders ProfileDialog::typedHeaders(QString *problem) const
{
    HttpHeaders headers;
    const QStringList lines = m_headers->toPlainText().split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString name = line.left(std::max<qsizetype>(colon, 0)).trimmed();
        static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
        if (colon <= 0 || !token.match(name).hasMatch()) {
            if (problem && problem->isEmpty())
                *problem = tr("Extra headers: \"%1\" is not \"Name: value\" with a header name.").arg(line.left(60));
            continue;
        }
        if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0) {
            if (problem && problem->isEmpty())
                *problem = tr("Extra headers: set Authorization through Authentication above, where its secret goes to "
                              "the keychain.");
            continue;
        }
        headers.append({name.toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return headers;
}

QList<Label> ProfileDialog::typedGroupingLabels(QString *problem) const
{
    QList<Label> labels;
    const QStringList pairs = m_groupingLabels->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QString name = pair.left(equals < 0 ? pair.size() : equals).trimmed();
        if (equals < 0 || !isValidLabelName(name) || name == u"job") {
            if (problem && problem->isEmpty())
                *problem = name == u"job"
                    ? tr("Grouping labels: the job is chosen where you push, not here.")
                    : tr("Grouping labels: \"%1\" is not name=value with a label name.").arg(pair.trimmed().left(60));
            continue;
        }
        labels.append(Label{name, pair.mid(equals + 1).trimmed()});
    }
    return labels;
}

bool ProfileDialog::changed() const
{
    return profile() != m_shown || !m_secret->text().isEmpty();
}

void ProfileDialog::reject()
{
    if (changed()
        && !Confirm::ask(this, tr("Discard the changes?"),
                         m_existing ? tr("The changes to profile '%1' are not saved.").arg(m_existing->name)
                                    : tr("The new profile is not saved."),
                         tr("Discard changes")))
        return;
    QDialog::reject();
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
        const QString path = QFileDialog::getOpenFileName(this, title, edit->text(),
                                                          tr("PEM files (*.pem *.crt *.key);;All files (*)"));
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
    m_proxyUrl->setEnabled(ProxyMode(m_proxy->currentData().toInt()) == ProxyMode::Custom);
    m_user->setEnabled(auth == Credentials::Kind::Basic);
    m_secret->setEnabled(auth != Credentials::Kind::None);
    m_inKeychain->setEnabled(auth != Credentials::Kind::None);
    m_sessionOnly->setEnabled(auth != Credentials::Kind::None);
}

void ProfileDialog::fillFromTmpTemplate()
{
    const QString address = m_tmpAddress->text().trimmed();
    if (const QString problem = urlProblem(tr("The TMP instance address"), address);
        !problem.isEmpty() || address.isEmpty()) {
        showError(address.isEmpty()
                      ? tr("Enter the TMP instance's address (from the TMP console's \"Basic info\" page) "
                           "first.")
                      : problem);
        return;
    }
    const Profile tmp = tmpProfileTemplate(m_name->text(), address, m_tmpAppId->text().trimmed());
    m_kind->setCurrentIndex(m_kind->findData(int(ProfileKind::Tmp)));
    m_pushgatewayUrl->setText(tmp.pushgatewayUrl);
    m_remoteWriteUrl->setText(tmp.remoteWriteUrl);
    m_queryUrl->setText(tmp.queryUrl);
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
    p.queryUrl = m_queryUrl->text().trimmed();
    p.auth = Credentials::Kind(m_auth->currentData().toInt());
    p.user = p.auth == Credentials::Kind::Basic ? m_user->text().trimmed() : QString();
    p.verifyPeer = m_verifyPeer->isChecked();
    p.caFile = m_caFile->text().trimmed();
    p.clientCertFile = m_clientCert->text().trimmed();
    p.clientKeyFile = m_clientKey->text().trimmed();
    p.timeoutMs = m_timeout->value() * 1000;
    p.proxy = ProxyMode(m_proxy->currentData().toInt());
    p.proxyUrl = p.proxy == ProxyMode::Custom ? m_proxyUrl->text().trimmed() : QString();
    p.groupingLabels = typedGroupingLabels();
    // A header shown as kept in the keychain stays there; every other one is as typed (save()
    // moves the values of those that carry a credential to the keychain).
    p.extraHeaders.clear();
    p.secretHeaders.clear();
    for (const auto &header : typedHeaders()) {
        if (QString::fromUtf8(header.second) == keptInKeychain())
            p.secretHeaders.append(QString::fromLatin1(header.first));
        else
            p.extraHeaders.append(header);
    }
    return p;
}

QString ProfileDialog::problemWithFields() const
{
    const Profile p = profile();
    if (p.name.isEmpty())
        return tr("Give the profile a name.");
    for (const Profile &other : m_stores.profiles->profiles()) {
        if (other.name == p.name && other.id != p.id)
            return tr("A profile named '%1' exists already; choose another name.").arg(p.name);
    }
    if (p.pushgatewayUrl.isEmpty() && p.remoteWriteUrl.isEmpty())
        return tr("Enter a Pushgateway URL, a remote write URL, or both.");
    if (QString problem = urlProblem(tr("The Pushgateway URL"), p.pushgatewayUrl); !problem.isEmpty())
        return problem;
    if (QString problem = urlProblem(tr("The remote write URL"), p.remoteWriteUrl); !problem.isEmpty())
        return problem;
    if (QString problem = urlProblem(tr("The query URL"), p.queryUrl); !problem.isEmpty())
        return problem;
    if (p.auth == Credentials::Kind::Basic && p.user.isEmpty())
        return tr("Enter the user name (for TMP: the APPID).");
    const bool hadSecret = m_existing && m_existing->auth != Credentials::Kind::None;
    if (p.auth != Credentials::Kind::None && m_secret->text().isEmpty() && !hadSecret)
        return tr("Enter the password or token; it is kept in the keychain, never in the profile file.");
    if (p.clientCertFile.isEmpty() != p.clientKeyFile.isEmpty())
        return tr("A client certificate needs its key, and a key its certificate.");
    if (p.proxy == ProxyMode::Custom && p.proxyUrl.isEmpty())
        return tr("Enter the proxy's address, or choose the system's proxy or none.");
    if (QString problem = urlProblem(tr("The proxy URL"), p.proxyUrl); !problem.isEmpty())
        return problem;
    QString problem;
    typedGroupingLabels(&problem);
    typedHeaders(&problem);
    return problem;
}

void ProfileDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString ProfileDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}
QString ProfileDialog::testText() const
{
    return m_testResult->text();
}

void ProfileDialog::save()
{
    if (const QString problem = problemWithFields(); !problem.isEmpty()) {
        showError(problem);
        emit stepFinished();
        return;
    }
    Profile saved = profile();
    const HttpHeaders newSecretHeaders = takeSecretHeaders(saved);
    if (saved.id.isEmpty())
        saved.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Before the profile: it names its secret headers only once their values are in the keychain.
    storeSecretHeaders(saved, newSecretHeaders, 0);
}

void ProfileDialog::storeSecretHeaders(Profile saved, const HttpHeaders &headers, qsizetype next)
{
    if (next < headers.size()) {
        const auto &header = headers.at(next);
        const QString name = QString::fromLatin1(header.first);
        m_saveButton->setEnabled(false);
        m_stores.keychain->write(
            secretHeaderKey(saved.id, name), QString::fromUtf8(header.second), this,
            [this, saved, headers, next, name](const SecretResult &result) {
                m_saveButton->setEnabled(true);
                if (!result.ok()) {
                    showError(tr("Header %1 carries a credential, which goes to the keychain, and the keychain "
                                 "refused: %2. Nothing was saved.")
                                  .arg(name, result.message));
                    emit stepFinished();
                    return;
                }
                storeSecretHeaders(saved, headers, next + 1);
            });
        return;
    }
    if (m_existing) { // headers taken out of the profile: their values go from the keychain too
        for (const QString &name : std::as_const(m_existing->secretHeaders)) {
            if (!saved.secretHeaders.contains(name, Qt::CaseInsensitive))
                m_stores.keychain->remove(secretHeaderKey(saved.id, name), this, [](const SecretResult &) {});
        }
    }
    QString error;
    if (!m_stores.profiles->save(saved, &error)) {
        showError(tr("The profile was not saved: %1.").arg(error));
        emit stepFinished();
        return;
    }
    m_existing = saved; // a second Save (e.g. after choosing "this session only") updates it
    fillFields(saved);  // the credential headers' values now show as kept in the keychain
    m_shown = profile();
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
            QStringList failures;
            qint64 slowest = 0;
            for (const EndpointCheck &check : checks) {
                lines << (check.ok() ? QStringLiteral("✔ ") : QStringLiteral("✘ "))
                        + check.describe(candidate.verifyPeer);
                slowest = std::max(slowest, check.result.durationMs);
                if (!check.ok())
                    failures << check.describe(candidate.verifyPeer);
            }
            m_testResult->setText(lines.join(QLatin1Char('\n')));
            emit connectionTested(failures.isEmpty()
                                      ? tr("%1: connected (%2 ms)").arg(candidate.name, QString::number(slowest))
                                      : failures.join(QStringLiteral("  ·  ")),
                                  failures.isEmpty());
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
