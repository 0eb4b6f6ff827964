#pragma once

#include <QColor>
#include <QPalette>

namespace promdesk::ui {

// Text colours that say something (a failure, a change) and still read on the palette's base:
// the light shade on a dark base, the dark shade on a light one, each at least 4.5:1 against
// the base of the light, dark and high-contrast palettes (WCAG AA for body text; tst_statuscolors).
QColor failureTextColor(const QPalette &palette);
QColor changeTextColor(const QPalette &palette);

// WCAG's contrast ratio of two opaque colours: 1 (the same) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

} // namespace promdesk::ui
