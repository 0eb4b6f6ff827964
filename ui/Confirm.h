#pragma once

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace promdesk::ui {

// Questions for destructive actions, answerable by tests (the KeePassXC MessageBox idea).
class Confirm
{
public:
    // Asks once, with the safe choice as the default.
    static bool ask(QWidget *parent, const QString &title, const QString &text, const QString &action);
    // Asks the user to type `expected` (e.g. the gateway's address) before wiping everything.
    static bool askTyped(QWidget *parent, const QString &title, const QString &text, const QString &expected);

    // Tests: the next question is answered with this instead of showing a dialog.
    static void setNextAnswer(std::optional<bool> answer) { s_nextAnswer = answer; }
    // Tests: what the last question said (the exact list a delete names, for one).
    static QString lastQuestion() { return s_lastQuestion; }

private:
    static std::optional<bool> s_nextAnswer;
    static QString s_lastQuestion;
};

} // namespace promdesk::ui
