#include "Confirm.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace promdesk::ui {

std::optional<bool> Confirm::s_nextAnswer;
QString Confirm::s_lastQuestion;

bool Confirm::ask(QWidget *parent, const QString &title, const QString &text, const QString &action)
{
    s_lastQuestion = text;
    if (s_nextAnswer)
        return std::exchange(s_nextAnswer, std::nullopt).value();
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton *go = box.addButton(action, QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

bool Confirm::askTyped(QWidget *parent, const QString &title, const QString &text, const QString &expected)
{
    s_lastQuestion = text;
    if (s_nextAnswer)
        return std::exchange(s_nextAnswer, std::nullopt).value();
    bool ok = false;
    const QString typed = QInputDialog::getText(parent, title, text, QLineEdit::Normal, QString(), &ok);
    return ok && typed.trimmed() == expected;
}

} // namespace promdesk::ui
