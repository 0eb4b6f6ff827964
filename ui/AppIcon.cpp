#include "AppIcon.h"

#include "IconRendering.h"

#include <QPixmap>

namespace promdesk::ui {

QIcon applicationIcon()
{
    QSvgRenderer svg(QStringLiteral(":/desktop/" PROMDESK_APP_ID ".svg"));
    QIcon icon;
    if (!svg.isValid())
        return icon; // no icon rather than eight blank ones: --self-test and tst_appicon fail on it
    for (const int size : kIconSizes)
        icon.addPixmap(QPixmap::fromImage(renderIcon(svg, size)));
    return icon;
}

} // namespace promdesk::ui
