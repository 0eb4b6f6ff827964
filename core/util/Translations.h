#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace promdesk {

/// The languages PromDesk's messages can be shown in: "en", the language they are written in,
/// then each catalogue the program carries (":/i18n/promdesk_LANG.qm"), e.g. "zh_CN".
QStringList availableLanguages();

/// What a `--lang` value or a saved choice means: "" or "system" is the system's language,
/// returned as ""; otherwise one of availableLanguages(), matched without regard to case or to '-'
/// for '_' ("zh-cn" is "zh_CN"), a language alone meaning its one region carried ("zh" is zh_CN)
/// and "en" serving every English. Empty optional when nothing matches: "zh_TW" is not zh_CN.
std::optional<QString> resolveLanguage(const QString &requested);

/// The language the system asks for, as gettext reads it: the C or POSIX locale (LC_ALL, else
/// LC_MESSAGES, else LANG) is English; otherwise the first of the UI languages (LANGUAGE's list,
/// else the locale's) that is English or has a catalogue of the same region ("zh-Hans-CN" is
/// zh_CN; zh_TW and a bare "zh" are not). "en" when none has.
QString systemLanguage();

/// Installs, on the running application, PromDesk's catalogue and Qt's own (for the texts Qt
/// writes itself: standard buttons, --help's headings), for `language` as resolveLanguage()
/// returns it: "" is systemLanguage(), "en" installs nothing. Returns the language
/// now in use ("en" when no catalogue matched). Call it once, before any text is made.
QString installTranslations(const QString &language);

/// Installs the language the last `--lang` in `arguments` asks for, else `fallback` (a saved
/// choice; "" for the system's): what both programs do before any text is made. Returns the
/// message for a `--lang` that names no language PromDesk speaks, or none at all (`--lang=`, or
/// `--lang` last with no value), and installs nothing then; nothing when all is well.
std::optional<QString> useRequestedLanguage(const QStringList &arguments, const QString &fallback);

/// The value of the last `--lang VALUE` or `--lang=VALUE` in `arguments` (arguments after "--"
/// are not options); empty optional when there is none, "" when the value is missing.
std::optional<QString> languageArgument(const QStringList &arguments);

/// `arguments` without any `--lang VALUE` or `--lang=VALUE` before "--".
QStringList withoutLanguageArgument(const QStringList &arguments);

} // namespace promdesk
