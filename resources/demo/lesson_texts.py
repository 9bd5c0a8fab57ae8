"""The bodies of the demo's text and quiz lessons, composed from a course's written points.

Each course has three true points and one myth with its correction. The first text lesson
teaches them, the second reviews them, and the quiz asks about them, using myths of the
neighbouring courses as the wrong choices.
"""

import json
from typing import Any

from resources.demo.texts import Bilingual, CourseText, as_texts

IMAGE_PATH = "images/points.png"
PASS_MARK = 0.6
WHICH_TRUE = ("下列说法正确的是？", "Which statement is true?")
WHICH_ALL_TRUE = (
    "下列哪些说法是正确的？（多选）", "Which statements are true? (Choose all that apply.)"
)


def key_points_markdown(course: CourseText, *, image: str | None) -> str:
    """The course's first text lesson: its three points and its myth, ``image`` above them."""
    (zh_title, en_title), (zh_summary, en_summary) = course.title, course.summary
    figure = f"![{zh_title} · 三个要点 / Three key points]({image})\n\n" if image else ""
    zh_points = "\n".join(f"{number}. {zh}" for number, (zh, _en) in enumerate(course.points, 1))
    en_points = " ".join(f"({number}) {en}" for number, (_zh, en) in enumerate(course.points, 1))
    return (
        f"# {zh_title}\n\n{zh_summary}\n\n{figure}"
        f"## 三个要点\n\n{zh_points}\n\n"
        f"## 常见误区\n\n有人认为：“{course.myth[0]}”其实，{course.truth[0]}\n\n"
        f"---\n\n**In English — {en_title}.** {en_summary} Three key points: {en_points} "
        f'A common myth: "{course.myth[1]}" The truth: {course.truth[1]}\n'
    )


def review_markdown(course: CourseText, practice: Bilingual) -> str:
    """The course's second text lesson: a checklist, a practice task and one thing to remember."""
    zh_title, en_title = course.title
    checklist = "\n".join(f"- 我能用自己的话说明：{zh}" for zh, _en in course.points)
    return (
        f"# 练习与小结：{zh_title}\n\n学完本课，请对照下面的清单检查自己：\n\n{checklist}\n\n"
        f"## 动手试试\n\n{practice[0]}\n\n## 记一记\n\n> {course.truth[0]}\n\n"
        f"---\n\n**In English — review of {en_title}.** Check that you can explain each of the "
        f"three key points in your own words. Try it: {practice[1]} "
        f"Remember: {course.truth[1]}\n"
    )


def _rotated(choices: list[Bilingual], shift: int) -> tuple[list[Bilingual], list[int]]:
    """``choices`` rotated by ``shift``, and where each original index ended up."""
    count = len(choices)
    order = [(index + shift) % count for index in range(count)]
    rotated = [choices[index] for index in order]
    return rotated, [order.index(index) for index in range(count)]


def _clause(sentence: Bilingual) -> Bilingual:
    """``sentence`` without its full stop, to be quoted inside another sentence."""
    return sentence[0].removesuffix("。"), sentence[1].removesuffix(".")


def _question(number: int, kind: str, prompt: Bilingual, answer: list[Any],
              explanation: Bilingual, choices: list[Bilingual] | None = None) -> dict[str, Any]:
    question: dict[str, Any] = {"id": f"q{number}", "kind": kind, "prompt": as_texts(prompt)}
    if choices is not None:
        question["choices"] = [as_texts(choice) for choice in choices]
    question["answer"] = answer
    question["explanation"] = as_texts(explanation)
    return question


def quiz_document(course: CourseText, before: CourseText, after: CourseText,
                  *, shift: int, long: bool) -> dict[str, Any]:
    """A quiz of 3 questions (4 when ``long``) on ``course``; ``before``/``after`` lend myths."""
    first, second, third = course.points
    single, where = _rotated([first, course.myth, after.myth], shift)
    multiple, places = _rotated([second, before.myth, third], shift + 1)
    questions = [
        _question(1, "single", WHICH_TRUE, [where[0]],
                  (f"正确的说法是：{first[0]}", f"The true statement: {first[1]}"), single),
        _question(2, "true_false", course.myth, [False], course.truth),
        _question(3, "multiple", WHICH_ALL_TRUE, sorted((places[0], places[2])),
                  (f"“{_clause(before.myth)[0]}”是误区：{before.truth[0]}",
                   f'"{_clause(before.myth)[1]}" is a myth: {before.truth[1]}'),
                  multiple),
    ]
    if long:
        questions.append(_question(
            4, "true_false", course.truth, [True],
            (f"正确。“{_clause(course.myth)[0]}”是常见的误解。",
             f'True. The common belief "{_clause(course.myth)[1]}" is wrong.'),
        ))
    return {"pass_mark": PASS_MARK, "questions": questions}


def quiz_json(document: dict[str, Any]) -> bytes:
    """A quiz as the UTF-8 JSON a package holds."""
    return json.dumps(document, ensure_ascii=False, indent=1).encode()
