"""Hand-written texts of the demo catalogue, one module per section, in the platform's order."""

from resources.demo.texts import continuing, culture, hobbies, science, silver, workplace
from resources.demo.texts.course_text import Bilingual, CourseText, SectionText, as_texts

SECTIONS: tuple[SectionText, ...] = (
    science.SECTION,
    workplace.SECTION,
    culture.SECTION,
    hobbies.SECTION,
    continuing.SECTION,
    silver.SECTION,
)

__all__ = ["SECTIONS", "Bilingual", "CourseText", "SectionText", "as_texts"]
