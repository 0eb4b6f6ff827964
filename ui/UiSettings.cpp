#include "UiSettings.h"

#include "profiles/ProfileStore.h"
#include "util/Translations.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>

namespace promdesk::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UiSettings)
};

const QString kLanguageKey = QStringLiteral("ui/language");

// A language by its own name, as a speaker of it looks for it in a list of languages.
QString nativeName(const QString &language)
{
    if (language == u"en")
        return QStringLiteral("English");
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name;
}

} // namespace

QString uiSettingsPath()
{
    return QFileInfo(ProfileStore::defaultPath()).dir().filePath(QStringLiteral("ui.ini"));
}

QString savedLanguage()
{
    const QString saved = QSettings(uiSettingsPath(), QSettings::IniFormat).value(kLanguageKey).toString();
    return resolveLanguage(saved).value_or(QString());
}

void saveLanguage(const QString &language)
{
    QSettings(uiSettingsPath(), QSettings::IniFormat).setValue(kLanguageKey, language);
}

QMenu *createLanguageMenu(QWidget *parent, const std::function<void(const QString &)> &announce)
{
    auto *menu = new QMenu(Tr::tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *choices = new QActionGroup(menu);
    const QString current = savedLanguage();
    const auto addChoice = [&](const QString &language, const QString &text) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QStringLiteral("language_") + (language.isEmpty() ? QStringLiteral("system") : language));
        action->setCheckable(true);
        action->setChecked(language == current);
        choices->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [language, announce] {
            saveLanguage(language);
            announce(Tr::tr("PromDesk speaks the chosen language from its next start."));
        });
    };
    addChoice(QString(), Tr::tr("&System language"));
    menu->addSeparator();
    for (const QString &language : availableLanguages())
        addChoice(language, nativeName(language));
    return menu;
}

} // namespace promdesk::ui
