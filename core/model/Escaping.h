#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace promdesk {

// Text 0.0.4 and OpenMetrics label values: backslash, double quote and newline are escaped.
QString escapeLabelValue(const QString &value);
// The same, appended to `out`: label values as a text writes them.
void appendEscapedLabelValue(std::string &out, std::string_view value);
// Text 0.0.4 HELP: backslash and newline only (quotes stay as they are).
QString escapeHelp(const QString &help);
// OpenMetrics HELP: like label values.
QString escapeOpenMetricsHelp(const QString &help);

enum class EscapeContext { LabelValue, Help004, HelpOpenMetrics };

// Undoes the escaping of `raw` into `out`. On an escape the context does not allow, returns the
// offset of its backslash in `raw`; otherwise -1.
int unescape(std::string_view raw, EscapeContext context, std::string &out);
// OpenMetrics parsers keep an unknown escape (`\z`) as it is written: the same, keeping such a
// backslash and the character after it. Returns the offset of the first one, or -1.
int unescapeKeepingUnknown(std::string_view raw, std::string &out);

// Offset of the first byte that is not valid UTF-8, or -1.
int invalidUtf8Offset(std::string_view text);

} // namespace promdesk
