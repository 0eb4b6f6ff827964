#include "model/Names.h"

namespace promdesk {

namespace {

bool matches(QStringView name, bool allowColon)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allowColon && c == ':');
        if (!(letter || (i > 0 && c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

} // namespace

bool isValidMetricName(QStringView name)
{
    return matches(name, true);
}
bool isValidLabelName(QStringView name)
{
    return matches(name, false);
}

} // namespace promdesk
