#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace promdesk {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Translations)
};

// Where the programs carry their catalogues: resources linked in from resources/translations.
const QString kCatalogueDirectory = QStringLiteral(":/i18n");
const QString kCataloguePrefix = QStringLiteral("promdesk_");
const QString kSourceLanguage = QStringLiteral("en");
const QString kLanguageOption = QStringLiteral("--lang");

bool isLanguageOption(const QString &argument)
{
    return argument == kLanguageOption || argument.startsWith(kLanguageOption + u'=');
}

QString normalized(const QString &language)
{
    return QString(language).replace(u'-', u'_').toLower();
}

} // namespace

QStringList availableLanguages()
{
    QStringList languages{kSourceLanguage};
    const QStringList catalogues
        = QDir(kCatalogueDirectory).entryList({kCataloguePrefix + u"*.qm"}, QDir::Files, QDir::Name);
    for (const QString &catalogue : catalogues)
        languages.append(catalogue.mid(kCataloguePrefix.size()).chopped(3));
    return languages;
}

std::optional<QString> resolveLanguage(const QString &requested)
{
    if (requested.isEmpty() || requested == u"system")
        return QString();
    const QString wanted = normalized(requested);
    const QString wantedLanguage = wanted.section(u'_', 0, 0);
    const QStringList languages = availableLanguages();
    QStringList sameLanguage;
    for (const QString &language : languages) {
        const QString candidate = normalized(language);
        if (candidate == wanted)
            return language;
        // "en" serves every English; "zh" is zh_CN while zh_CN is the only Chinese carried. A
        // region asked for is never given another's catalogue: zh_TW is not zh_CN.
        if (wanted.contains(u'_') ? candidate == wantedLanguage : candidate.section(u'_', 0, 0) == wanted)
            sameLanguage.append(language);
    }
    if (sameLanguage.size() == 1)
        return sameLanguage.constFirst();
    return std::nullopt;
}

QString systemLanguage()
{
    // As gettext: the C locale speaks the programs' own language, whatever LANGUAGE says (Qt
    // alone would read LANGUAGE even then); scripts set LC_ALL=C for English.
    for (const char *variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString value = qEnvironmentVariable(variable);
        if (value.isEmpty())
            continue;
        if (value == u"C" || value == u"POSIX" || value.startsWith(QLatin1String("C.")))
            return kSourceLanguage;
        break;
    }
    const QStringList catalogued = availableLanguages();
    for (const QString &wanted : QLocale::system().uiLanguages()) {
        // The first language the operator reads that PromDesk speaks: English before any
        // catalogue when English comes first (LANGUAGE=en_US:zh_CN).
        const QString name = normalized(wanted);
        if (name == u"en" || name.startsWith(QLatin1String("en_")))
            return kSourceLanguage;
        // "zh-CN" and "zh-Hans-CN" are zh_CN; a bare "zh" is no region, so no catalogue.
        const QString withRegion = wanted.contains(u'-') ? normalized(QLocale(wanted).name()) : name;
        for (const QString &language : catalogued) {
            if (normalized(language) == name || normalized(language) == withRegion)
                return language;
        }
    }
    return kSourceLanguage;
}

QString installTranslations(const QString &language)
{
    QString chosen = language.isEmpty() ? systemLanguage() : language;
    if (chosen == kSourceLanguage)
        return kSourceLanguage;
    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(kCataloguePrefix + chosen, kCatalogueDirectory)) {
        delete own;
        return kSourceLanguage;
    }
    QCoreApplication::installTranslator(own);
    // Qt's catalogue, when the system has it (Debian: qt6-translations-l10n), for its own texts.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return chosen;
}

std::optional<QString> useRequestedLanguage(const QStringList &arguments, const QString &fallback)
{
    QString language = fallback;
    if (const std::optional<QString> requested = languageArgument(arguments)) {
        const QString choices = availableLanguages().join(QStringLiteral(", "));
        if (requested->isEmpty())
            return Tr::tr("--lang needs a language: system or one of %1").arg(choices);
        const std::optional<QString> known = resolveLanguage(*requested);
        if (!known) {
            return Tr::tr("--lang '%1' is not a language PromDesk speaks: use system or one of %2")
                .arg(*requested, choices);
        }
        language = *known;
    }
    installTranslations(language);
    return std::nullopt;
}

std::optional<QString> languageArgument(const QStringList &arguments)
{
    std::optional<QString> value;
    for (qsizetype i = 1; i < arguments.size() && arguments.at(i) != u"--"; ++i) {
        const QString &argument = arguments.at(i);
        if (argument == kLanguageOption)
            value = i + 1 < arguments.size() ? arguments.at(++i) : QString();
        else if (isLanguageOption(argument))
            value = argument.mid(kLanguageOption.size() + 1);
    }
    return value;
}

QStringList withoutLanguageArgument(const QStringList &arguments)
{
    QStringList kept;
    qsizetype i = 0;
    for (; i < arguments.size() && (i == 0 || arguments.at(i) != u"--"); ++i) {
        const QString &argument = arguments.at(i);
        if (i > 0 && argument == kLanguageOption)
            ++i; // and its value
        else if (i == 0 || !isLanguageOption(argument))
            kept.append(argument);
    }
    kept.append(arguments.mid(i));
    return kept;
}

} // namespace promdesk
