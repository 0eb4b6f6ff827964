#pragma once

#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace promdesk::ui {

/// The console's own settings file (window, recent drafts, language), beside the profiles.
QString uiSettingsPath();

/// The language chosen in View ▸ Language: "" follows the system; otherwise one of
/// availableLanguages(). A saved language the program no longer carries reads as "".
QString savedLanguage();
void saveLanguage(const QString &language);

/// View ▸ Language: the system's language, then every available one by its own name. A choice is
/// saved and takes effect at the next start, which the status text passed to `announce` says.
QMenu *createLanguageMenu(QWidget *parent, const std::function<void(const QString &)> &announce);

} // namespace promdesk::ui
