"""Quizzes: one question at a time, immediate feedback, a score at the end.

Keyboard: number keys choose (or tick) a choice, arrows move between choices, Enter
checks the answer and then goes on.
"""

from collections.abc import Mapping, Sequence
from typing import Final

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.quiz import Question, Quiz, response_text

RIGHT_COLOUR: Final = "#1b5e20"
WRONG_COLOUR: Final = "#b3261e"


def pick(texts: Mapping[str, str], language: str) -> str:
    """The text in ``language`` ("zh" or "en"), else the other one."""
    first, second = ("en", "zh") if language == "en" else ("zh", "en")
    return texts.get(first) or texts.get(second) or ""


class _ChoiceLabel(QLabel):
    """A choice's text, wrapped over lines (a radio button's own text never wraps);
    a click on it clicks its button."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__()
        self.button = button
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setBuddy(button)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.button.isEnabled():
            self.button.click()
            self.button.setFocus()
        event.accept()


def _label(text: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # quiz texts are data, never markup
    label.setWordWrap(True)
    label.setText(text)
    return label


class QuizView(QWidget):
    """Asks a quiz's questions and reports each answer and the result.

    Signals:
        answered(str, str, bool): question id, xAPI response, whether it was right.
        finished(float, bool): the score (0–1) and whether it reaches the pass mark.
    """

    answered = Signal(str, str, bool)
    finished = Signal(float, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiz: Quiz | None = None
        self._language = "zh"
        self._index = 0
        self._answers: dict[str, list[int | bool]] = {}
        self._checked = False
        self._result = (0.0, False)
        self._choices: list[QAbstractButton] = []
        self._choice_labels: list[_ChoiceLabel] = []
        self._group = QButtonGroup(self)
        self.counter = _label("")
        self.counter.setProperty("role", "muted")
        self.prompt = _label("")
        self.prompt.setProperty("role", "heading")
        self.hint = _label("")
        self.hint.setProperty("role", "muted")
        self.choice_box = QVBoxLayout()
        self.feedback = _label("")
        self.explanation = _label("")
        self.check_button = QPushButton()
        self.check_button.setProperty("role", "primary")
        self.next_button = QPushButton()
        self.next_button.setProperty("role", "primary")
        self.check_button.clicked.connect(self.check)
        self.next_button.clicked.connect(self.next)
        self.score_label = _label("")
        self.score_label.setProperty("role", "title")
        self.pass_label = _label("")
        self.verdict = _label("")
        self.verdict.setProperty("role", "heading")
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._question_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()
        self._apply_sizes()

    def _question_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        for widget in (self.counter, self.prompt, self.hint):
            column.addWidget(widget)
        column.addLayout(self.choice_box)
        column.addWidget(self.feedback)
        column.addWidget(self.explanation)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.next_button)
        column.addLayout(buttons)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        for widget in (self.score_label, self.pass_label, self.verdict):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        return page

    # -- public API ------------------------------------------------------------------

    def start(self, quiz: Quiz, language: str,
              answers: Mapping[str, Sequence[int | bool]] | None = None) -> None:
        """Begin ``quiz`` (``language`` is "zh" or "en"); with the ``answers`` of an attempt
        left half-way (question id → choices), go on at the first question not answered."""
        self._quiz = quiz
        self._language = language
        self._begin(answers or {})

    def set_language(self, language: str) -> None:
        self._language = language
        if self._quiz is not None and self.pages.currentIndex() == 0:
            self._show_question(keep_choices=True)

    def retry(self) -> None:
        self._begin({})

    def _begin(self, answers: Mapping[str, Sequence[int | bool]]) -> None:
        questions = self._quiz.questions if self._quiz is not None else ()
        self._answers = {q.id: list(answers[q.id]) for q in questions if q.id in answers}
        waiting = [i for i, q in enumerate(questions) if q.id not in self._answers]
        # Every question answered but no result yet: the last one shows, checked.
        self._index = waiting[0] if waiting else max(0, len(questions) - 1)
        self.pages.setCurrentIndex(0)
        self._show_question()
        question = self._question()
        if question is not None and question.id in self._answers:
            chosen = self._answers[question.id]
            for value, button in zip(self._values(question), self._choices, strict=True):
                button.setChecked(value in chosen)
            self._lock_answer(question, chosen)

    def choose(self, index: int) -> None:
        """Select choice ``index`` (tick or untick it, for several answers)."""
        if self._checked or not 0 <= index < len(self._choices):
            return
        button = self._choices[index]
        button.setChecked(not button.isChecked() if isinstance(button, QCheckBox) else True)
        button.setFocus()

    def check(self) -> None:
        """Mark the chosen answer right or wrong and show the explanation."""
        question = self._question()
        chosen = self._chosen()
        if question is None or self._checked or not chosen:
            return
        self._answers[question.id] = chosen
        self._lock_answer(question, chosen)
        self.answered.emit(question.id, response_text(question, chosen),
                           question.is_correct(chosen))

    def _lock_answer(self, question: Question, chosen: Sequence[int | bool]) -> None:
        """Show ``chosen`` as the checked answer: choices disabled, feedback, Next."""
        self._checked = True
        for button in self._choices:
            button.setEnabled(False)
        self._show_feedback(question, chosen)
        self.next_button.setFocus()

    def next(self) -> None:
        quiz = self._quiz
        if quiz is None or not self._checked:
            return
        if self._index + 1 < len(quiz.questions):
            self._index += 1
            self._show_question()
            return
        score = quiz.score(self._answers)
        passed = quiz.passed(score)
        self._show_result(score, passed)
        self.finished.emit(score, passed)

    # -- showing -----------------------------------------------------------------------

    def _question(self) -> Question | None:
        return None if self._quiz is None else self._quiz.questions[self._index]

    def _values(self, question: Question) -> list[int | bool]:
        if question.kind == "true_false":
            return [True, False]
        return list(range(len(question.choices)))

    def _choice_texts(self, question: Question) -> list[str]:
        if question.kind == "true_false":
            return [self.tr("True"), self.tr("False")]
        return [pick(choice, self._language) for choice in question.choices]

    def _chosen(self) -> list[int | bool]:
        question = self._question()
        if question is None:
            return []
        values = self._values(question)
        return [values[i] for i, button in enumerate(self._choices) if button.isChecked()]

    def _show_question(self, *, keep_choices: bool = False) -> None:
        question = self._question()
        if question is None:
            return
        texts = self._choice_texts(question)
        if keep_choices and len(texts) == len(self._choices):
            for number, (label, text) in enumerate(zip(self._choice_labels, texts, strict=True), 1):
                self._set_choice_text(label, number, text)
        else:
            self._checked = False
            self._build_choices(question, texts)
            self.feedback.clear()
            self.explanation.clear()
        self.prompt.setText(pick(question.prompt, self._language))
        self._update_texts()
        if self._checked:
            self._show_feedback(question, self._answers[question.id])

    def _build_choices(self, question: Question, texts: list[str]) -> None:
        for old in self._choice_labels:
            self._group.removeButton(old.button)
            row = old.parentWidget()
            if row is not None:
                row.deleteLater()
        single = question.kind != "multiple"
        self._group.setExclusive(single)
        self._choices, self._choice_labels = [], []
        for number, text in enumerate(texts, 1):
            button: QAbstractButton = QRadioButton() if single else QCheckBox()
            label = _ChoiceLabel(button)
            self._set_choice_text(label, number, text)
            choice = QWidget()
            line = QHBoxLayout(choice)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(label, 1)
            self._group.addButton(button, number - 1)
            self.choice_box.addWidget(choice)
            choice.show()  # now, not on the layout's next pass: its button takes the focus below
            self._choices.append(button)
            self._choice_labels.append(label)
        if self._choices:
            self._choices[0].setFocus()

    @staticmethod
    def _set_choice_text(label: "_ChoiceLabel", number: int, text: str) -> None:
        label.setText(f"{number}. {text}")
        label.button.setAccessibleName(label.text())

    def _show_feedback(self, question: Question, chosen: Sequence[int | bool]) -> None:
        right = question.is_correct(chosen)
        colour = RIGHT_COLOUR if right else WRONG_COLOUR
        self.feedback.setStyleSheet(f"color: {colour}; font-weight: 600;")
        if right:
            self.feedback.setText(self.tr("✓ Right!"))
        else:
            values = self._values(question)
            texts = self._choice_texts(question)
            correct = ", ".join(
                f"{i + 1}. {texts[i]}" for i, value in enumerate(values) if value in question.answer
            )
            wrong = self.tr("✗ Not right. The right answer: %1")
            self.feedback.setText(wrong.replace("%1", correct))
        self.explanation.setText(pick(question.explanation, self._language))
        self._update_texts()

    def _show_result(self, score: float, passed: bool) -> None:
        self._result = (score, passed)
        self.pages.setCurrentIndex(1)
        self._update_texts()
        self.retry_button.setFocus()

    def _update_texts(self) -> None:
        quiz = self._quiz
        if quiz is None:
            return
        question = quiz.questions[self._index]
        self.counter.setText(self.tr("Question %1 of %2").replace("%1", str(self._index + 1))
                             .replace("%2", str(len(quiz.questions))))
        self.hint.setText(self.tr("Choose all that apply.") if question.kind == "multiple"
                          else self.tr("Choose one answer."))
        last = self._index + 1 == len(quiz.questions)
        self.check_button.setVisible(not self._checked)
        self.check_button.setEnabled(True)
        self.next_button.setVisible(self._checked)
        self.next_button.setText(self.tr("See the result") if last else self.tr("Next question"))
        if self.pages.currentIndex() == 1:
            score, passed = self._result
            self.score_label.setText(self.tr("Your score: %1%")
                                     .replace("%1", str(round(score * 100))))
            self.pass_label.setText(self.tr("Pass mark: %1%")
                                    .replace("%1", str(round(quiz.pass_mark * 100))))
            self.verdict.setText(self.tr("Passed — well done!") if passed
                                 else self.tr("Not passed yet. Review the lesson and try again."))

    def retranslate(self) -> None:
        self.check_button.setText(self.tr("Check answer"))
        self.retry_button.setText(self.tr("Try again"))
        self._update_texts()
        question = self._question()
        if question is not None and question.kind == "true_false":
            self._show_question(keep_choices=True)

    # -- keyboard, language ----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.pages.currentIndex() == 0:
            self.choose(key - Qt.Key.Key_1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._primary_action()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._choices:
            self._move_focus(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _primary_action(self) -> None:
        if self.pages.currentIndex() == 1:
            self.retry()
        elif self._checked:
            self.next()
        else:
            self.check()

    def _move_focus(self, step: int) -> None:
        focused = [i for i, button in enumerate(self._choices) if button.hasFocus()]
        index = (focused[0] + step) % len(self._choices) if focused else 0
        self._choices[index].setFocus()

    def _apply_sizes(self) -> None:
        """Choice marks as big as the text (the theme sizes only check boxes)."""
        line = self.fontMetrics().height()
        self.setStyleSheet(
            f"QRadioButton::indicator, QCheckBox::indicator {{ width: {line}px; "
            f"height: {line}px; }} QRadioButton, QCheckBox {{ spacing: {line // 2}px; }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.FontChange:
            self._apply_sizes()
        super().changeEvent(event)
