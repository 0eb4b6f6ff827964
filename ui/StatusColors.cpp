#include "StatusColors.h"

namespace promdesk::ui {

namespace {

bool darkBase(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
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

} // namespace promdesk::ui
