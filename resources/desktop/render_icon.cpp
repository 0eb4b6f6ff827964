// Renders the application's SVG icon to one PNG: the hicolor PNGs are made at build time from the
// one SVG, so that they cannot drift from it.
// Usage: promdesk-render-icon SVG SIZE PNG
#include "IconRendering.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: promdesk-render-icon SVG SIZE PNG\n");
        return 2;
    }
    // No QGuiApplication: painting an SVG without text into a QImage needs no platform plugin,
    // and starting one (even "offscreen") on a build machine warns that XDG_RUNTIME_DIR is unset.
    // Text would need fonts, and Qt aborts the build here ("Must construct a QGuiApplication
    // before accessing QFontDatabase"); the icon's SVG has none.
    QCoreApplication app(argc, argv);
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    const int size = QByteArray(argv[2]).toInt();
    if (!svg.isValid() || size <= 0) {
        std::fprintf(stderr, "promdesk-render-icon: cannot read %s or size %s\n", argv[1], argv[2]);
        return 1;
    }
    if (!promdesk::renderIcon(svg, size).save(QString::fromLocal8Bit(argv[3]), "PNG")) {
        std::fprintf(stderr, "promdesk-render-icon: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
