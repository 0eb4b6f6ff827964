#pragma once

#include "profiles/Profile.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace promdesk {

/// Profiles without their secrets, in an INI file through QSettings: one table of keys with
/// their defaults, enums saved as words (the file stays readable and survives reordering), and a
/// schema version with migrations from older files.
class ProfileStore
{
public:
    static constexpr int kSchemaVersion = 2;

    explicit ProfileStore(const QString &path);
    ~ProfileStore();

    // $PROMDESK_CONFIG_DIR/profiles.ini, or the platform's config location.
    static QString defaultPath();

    [[nodiscard]] QList<Profile> profiles() const;
    [[nodiscard]] std::optional<Profile> find(const QString &name) const;
    // Adds or updates (by id; a new profile gets one). Names are unique.
    bool save(Profile &profile, QString *error);
    bool remove(const QString &id);
    [[nodiscard]] QString path() const;
    // What the last migration did, for the user; empty when the file was current.
    [[nodiscard]] const QString &migrationNote() const { return m_migrationNote; }

private:
    void migrate();
    std::unique_ptr<QSettings> m_settings;
    QString m_migrationNote;
};

// Profiles as JSON, never with secrets, for moving them between machines.
QByteArray exportProfiles(const QList<Profile> &profiles);
std::optional<QList<Profile>> importProfiles(const QByteArray &json, QString *error);

} // namespace promdesk
