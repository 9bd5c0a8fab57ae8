<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>LessonPage</name>
    <message>
        <source>Opening the lesson…</source>
        <translation>Opening the lesson…</translation>
    </message>
    <message>
        <source>Choose a learner before opening a lesson.</source>
        <translation>Choose a learner before opening a lesson.</translation>
    </message>
    <message>
        <source>This lesson cannot be opened.</source>
        <translation>This lesson cannot be opened.</translation>
    </message>
    <message>
        <source>%1 · lesson %2 of %3</source>
        <translation>%1 · lesson %2 of %3</translation>
    </message>
    <message>
        <source>‹ Previous: %1</source>
        <translation>‹ Previous: %1</translation>
    </message>
    <message>
        <source>Next: %1 ›</source>
        <translation>Next: %1 ›</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Back to the course (Esc)</source>
        <translation>Back to the course (Esc)</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <source>True</source>
        <translation>True</translation>
    </message>
    <message>
        <source>False</source>
        <translation>False</translation>
    </message>
    <message>
        <source>✓ Right!</source>
        <translation>✓ Right!</translation>
    </message>
    <message>
        <source>✗ Not right. The right answer: %1</source>
        <translation>✗ Not right. The right answer: %1</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <source>Choose all that apply.</source>
        <translation>Choose all that apply.</translation>
    </message>
    <message>
        <source>Choose one answer.</source>
        <translation>Choose one answer.</translation>
    </message>
    <message>
        <source>See the result</source>
        <translation>See the result</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Next question</translation>
    </message>
    <message>
        <source>Your score: %1%</source>
        <translation>Your score: %1%</translation>
    </message>
    <message>
        <source>Pass mark: %1%</source>
        <translation>Pass mark: %1%</translation>
    </message>
    <message>
        <source>Passed — well done!</source>
        <translation>Passed — well done!</translation>
    </message>
    <message>
        <source>Not passed yet. Review the lesson and try again.</source>
        <translation>Not passed yet. Review the lesson and try again.</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>TextLessonView</name>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Done ✓</source>
        <translation>Done ✓</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Mark as done</translation>
    </message>
</context>
<context>
    <name>VideoControls</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <source>10 s</source>
        <translation>10 s</translation>
    </message>
    <message>
        <source>Back 10 seconds (Left arrow)</source>
        <translation>Back 10 seconds (Left arrow)</translation>
    </message>
    <message>
        <source>Forward 10 seconds (Right arrow)</source>
        <translation>Forward 10 seconds (Right arrow)</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Position in the video</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>Subtitles</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>Full screen (F)</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>This video cannot be played: the file may be damaged.</source>
        <translation>This video cannot be played: the file may be damaged.</translation>
    </message>
    <message>
        <source>Videos are played by VLC media player, which is not installed on this computer.

On Debian, Ubuntu or Kylin, open a terminal and run:  sudo apt install vlc
On Windows or macOS, download VLC from https://www.videolan.org/ and install it.

Then start this app again.</source>
        <translation>Videos are played by VLC media player, which is not installed on this computer.

On Debian, Ubuntu or Kylin, open a terminal and run:  sudo apt install vlc
On Windows or macOS, download VLC from https://www.videolan.org/ and install it.

Then start this app again.</translation>
    </message>
</context>
</TS>