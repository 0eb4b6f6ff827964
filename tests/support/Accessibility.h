#pragma once

// What a screen reader would find unnamed in a window: the controls an operator works with
// (something to press, type into, choose from, or read in a list) whose accessible name is empty.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTest>
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

// A round of Tab presses from where the focus is: the widgets in the order they got focus (each
// once), and the control that kept the focus after a press, if one did (a text editor that takes
// Tab as a character traps a keyboard user).
struct TabWalk
{
    QList<QWidget *> order;
    QWidget *trap = nullptr;
};

inline TabWalk tabWalk(QWidget *window)
{
    TabWalk walk;
    QWidget *start = QApplication::focusWidget();
    if (start)
        walk.order << start;
    for (int press = 0; press < 400; ++press) {
        QWidget *before = QApplication::focusWidget();
        QTest::keyClick(before ? before : window, Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        if (focused && focused == before) {
            walk.trap = focused;
            break;
        }
        if (!focused || focused == start)
            break;
        if (!walk.order.contains(focused))
            walk.order << focused;
    }
    return walk;
}

// The controls under `page` Tab should reach (visible, enabled, taking focus by Tab) and did not.
inline QStringList controlsNotIn(const QWidget *page, const QList<QWidget *> &walked)
{
    QStringList missed;
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        if (widget->isVisible() && widget->isEnabled() && isControl(widget) && (widget->focusPolicy() & Qt::TabFocus)
            && !walked.contains(widget))
            missed << pathOf(widget);
    }
    return missed;
}

// Controls under `root`, shown or not, that keep Tab for themselves: an item view that moves
// between its cells with Tab (it lets Tab go only while it is empty, so a walk of an empty one
// cannot tell) and an editable text editor that types it.
inline QStringList tabKeepers(const QWidget *root)
{
    QStringList keepers;
    for (const QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (view->tabKeyNavigation())
            keepers << pathOf(view);
    }
    for (const QPlainTextEdit *editor : root->findChildren<QPlainTextEdit *>()) {
        if (!editor->isReadOnly() && !editor->tabChangesFocus())
            keepers << pathOf(editor);
    }
    for (const QTextEdit *editor : root->findChildren<QTextEdit *>()) {
        if (!editor->isReadOnly() && !editor->tabChangesFocus())
            keepers << pathOf(editor);
    }
    return keepers;
}

// The widgets of a walk that are under `page`, in the walk's order.
inline QList<QWidget *> under(const QWidget *page, const QList<QWidget *> &walked)
{
    QList<QWidget *> inPage;
    for (QWidget *widget : walked) {
        if (page->isAncestorOf(widget))
            inPage << widget;
    }
    return inPage;
}

// Steps of a Tab walk that go back up within a column: the next control lies above the previous
// one's top while the two overlap horizontally.
inline QStringList jumpsBackUp(const QList<QWidget *> &walked)
{
    QStringList jumps;
    for (qsizetype i = 1; i < walked.size(); ++i) {
        const QWidget *from = walked[i - 1];
        const QWidget *to = walked[i];
        const QRect a(from->mapTo(from->window(), QPoint(0, 0)), from->size());
        const QRect b(to->mapTo(to->window(), QPoint(0, 0)), to->size());
        const bool sameColumn = a.left() < b.right() && b.left() < a.right();
        if (sameColumn && b.bottom() < a.top())
            jumps << pathOf(from) + QStringLiteral(" -> ") + pathOf(to);
    }
    return jumps;
}

} // namespace promdesk::test
