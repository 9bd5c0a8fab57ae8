"""The shape of the demo catalogue's hand-written course texts."""

from dataclasses import dataclass

# A text in both languages: (Chinese, English).
Bilingual = tuple[str, str]


def as_texts(pair: Bilingual) -> dict[str, str]:
    """``pair`` as the {"zh": …, "en": …} object of manifests, records and quizzes."""
    return {"zh": pair[0], "en": pair[1]}


@dataclass(frozen=True)
class CourseText:
    """One course as written: what it is about, three true points and one common myth."""

    title: Bilingual
    summary: Bilingual
    tags: tuple[str, ...]
    horizontal: tuple[str, ...]
    vertical: tuple[str, ...]
    points: tuple[Bilingual, Bilingual, Bilingual]
    myth: Bilingual
    truth: Bilingual


@dataclass(frozen=True)
class SectionText:
    """A section's courses, its id prefix, its clips and a practice tip shared by its courses."""

    code: str
    prefix: str
    clips: tuple[str, str]
    colour: tuple[int, int, int]
    practice: Bilingual
    courses: tuple[CourseText, ...]
