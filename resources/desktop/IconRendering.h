#pragma once

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

namespace promdesk {

// The icon drawn at `size` × `size` pixels on a transparent ground: what the window icon and the
// installed hicolor PNGs are both made of, from the one SVG.
inline QImage renderIcon(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    return image;
}

// The sizes of the hicolor theme's PNGs, which are also the window icon's.
inline constexpr int kIconSizes[] = {16, 22, 24, 32, 48, 64, 128, 256};

} // namespace promdesk
