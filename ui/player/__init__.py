"""The lesson player: video through libVLC, Markdown text lessons and quizzes.

Import :class:`ui.player.lesson_page.LessonPage` for the page; ``vlc`` itself is loaded only
when the first video lesson opens (:mod:`ui.player.vlc_engine`).
"""
