#pragma once

#include <QIcon>

namespace promdesk::ui {

// The application's icon, drawn from its SVG at each size of the hicolor theme: the window icon,
// the same picture the desktop shows in its launcher. A null icon if the SVG cannot be read.
QIcon applicationIcon();

} // namespace promdesk::ui
