#pragma once

// What a screen reader would find unnamed in a window: the controls an operator works with
// (something to press, type into, choose from, or read in a list) whose accessible name is empty.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTextEdit>
#include <QWidget>

namespace promdesk::test {

// A widget an operator works with: something to press, type into, choose from or read in a list.
inline bool isControl(const QWidget *widget)
{
    // A spin box's or combo box's own line edit is part of it: the box is what is named.
    const QWidget *parent = widget->parentWidget();
    if (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent))
        return false;
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QPlainTextEdit *>(widget)
        || qobject_cast<const QTextEdit *>(widget);
}

// Where a widget is, for the failure message: its object names up to the window.
inline QString pathOf(const QWidget *widget)
{
    QStringList names;
    for (const QWidget *at = widget; at; at = at->parentWidget()) {
        const QString name = at->objectName();
        names.prepend(name.isEmpty() ? QString::fromLatin1(at->metaObject()->className()) : name);
    }
    return names.join(u'/');
}

// The visible, focusable controls under `root` that have no accessible name, by their path.
inline QStringList unnamedControls(const QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisible() || !isControl(widget) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << pathOf(widget);
    }
    return unnamed;
}

} // namespace promdesk::test
