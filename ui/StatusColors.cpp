#include "StatusColors.h"

#include <algorithm>
#include <cmath>

namespace promdesk::ui {

namespace {

bool darkBase(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

double relativeLuminance(const QColor &color)
{
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

} // namespace

QColor failureTextColor(const QPalette &palette)
{
    return darkBase(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x1e, 0x1e);
}

QColor changeTextColor(const QPalette &palette)
{
    return darkBase(palette) ? QColor(0xff, 0xa3, 0x48) : QColor(0x9c, 0x4a, 0x00);
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace promdesk::ui
