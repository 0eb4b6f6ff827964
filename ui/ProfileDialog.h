#pragma once

#include "profiles/ConnectionTest.h"
#include "profiles/Profile.h"

#include <QDialog>

class QCheckBox;
class QPlainTextEdit;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace promdesk {
class HttpClient;
class SecretStore;
class ProfileStore;
} // namespace promdesk

namespace promdesk::ui {

// Creates or edits one profile: its addresses (a TMP template fills the paths), authentication,
// TLS and timeout, and where its secret is kept — the OS keychain, or this session only. The
// profile is saved to the profile store; the secret never goes there. When the keychain cannot
// take the secret, the dialog stays open and says why and what to do.
class ProfileDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Stores
    {
        ProfileStore *profiles;
        SecretStore *keychain;
        SecretStore *session;
        HttpClient *http;
    };
    // `existing`: the profile to edit; nullopt creates one.
    ProfileDialog(Stores stores, std::optional<Profile> existing, QWidget *parent = nullptr);

    // The profile as the fields describe it (the id of the one edited, if any).
    [[nodiscard]] Profile profile() const;
    // A new profile of this kind: its fields set up, the first one to fill focused.
    void startAs(ProfileKind kind);
    // Fills the TMP paths from the instance address and APPID fields.
    void fillFromTmpTemplate();
    // Checks the fields, saves, and stores the secret; closes when everything is kept.
    void save();
    void testConnection();

    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QString testText() const;

    // Asks before closing when something was changed and not saved.
    void reject() override;

signals:
    void profileSaved(const promdesk::Profile &profile);
    // A test of the profile's connection ended: in the status bar's words.
    void connectionTested(const QString &text, bool ok);
    void stepFinished(); // a save or a test ended (tests wait for it)

private:
    void makeTmpRow();
    void makeEndpointFields();
    QWidget *makeAuthFields();
    QWidget *makeConnectionFields();
    QFormLayout *makeForm(QWidget *keep, QWidget *proxyRow);
    void makeStatusLabels();
    QDialogButtonBox *makeButtons();
    [[nodiscard]] QString problemWithFields() const;
    // The "Name: value" lines of the headers field; `problem` says what is wrong with the first bad one.
    HttpHeaders typedHeaders(QString *problem = nullptr) const;
    QList<Label> typedGroupingLabels(QString *problem = nullptr) const;
    [[nodiscard]] bool changed() const;
    void fillFields(const Profile &p);
    void showError(const QString &text);
    void updateVisibility();
    void storeSecret(const Profile &saved);
    // Puts the values of the credential-carrying headers in the keychain, one after the other,
    // then saves the profile and its secret.
    void storeSecretHeaders(Profile saved, const HttpHeaders &headers, qsizetype next);
    QWidget *fileField(QLineEdit *edit, const QString &title);

    Stores m_stores;
    std::optional<Profile> m_existing;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QWidget *m_tmpRow;
    QLineEdit *m_tmpAddress;
    QLineEdit *m_tmpAppId;
    QLineEdit *m_pushgatewayUrl;
    QLineEdit *m_remoteWriteUrl;
    QLineEdit *m_queryUrl;
    QComboBox *m_auth;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QRadioButton *m_inKeychain;
    QRadioButton *m_sessionOnly;
    QCheckBox *m_verifyPeer;
    QLineEdit *m_caFile;
    QLineEdit *m_clientCert;
    QLineEdit *m_clientKey;
    QSpinBox *m_timeout;
    QComboBox *m_proxy;
    QLineEdit *m_proxyUrl;
    QLineEdit *m_groupingLabels;
    QPlainTextEdit *m_headers;
    Profile m_shown; // what the fields showed when the dialog opened, or were last saved
    QLabel *m_error;
    QLabel *m_testResult;
    QPushButton *m_testButton;
    QPushButton *m_saveButton;
};

} // namespace promdesk::ui
