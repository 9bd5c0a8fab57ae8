<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LessonPage</name>
    <message>
        <source>Opening the lesson…</source>
        <translation>正在打开课时…</translation>
    </message>
    <message>
        <source>Choose a learner before opening a lesson.</source>
        <translation>请先选择学习者，再打开课时。</translation>
    </message>
    <message>
        <source>This lesson cannot be opened.</source>
        <translation>无法打开这个课时。</translation>
    </message>
    <message>
        <source>%1 · lesson %2 of %3</source>
        <translation>%1 · 第 %2 课，共 %3 课</translation>
    </message>
    <message>
        <source>‹ Previous: %1</source>
        <translation>‹ 上一课：%1</translation>
    </message>
    <message>
        <source>Next: %1 ›</source>
        <translation>下一课：%1 ›</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Back to the course (Esc)</source>
        <translation>返回课程（Esc）</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>✓ Right!</source>
        <translation>✓ 答对了！</translation>
    </message>
    <message>
        <source>✗ Not right. The right answer: %1</source>
        <translation>✗ 答错了。正确答案：%1</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Choose all that apply.</source>
        <translation>请选出所有正确的选项。</translation>
    </message>
    <message>
        <source>Choose one answer.</source>
        <translation>请选择一个答案。</translation>
    </message>
    <message>
        <source>See the result</source>
        <translation>查看成绩</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Your score: %1%</source>
        <translation>你的得分：%1%</translation>
    </message>
    <message>
        <source>Pass mark: %1%</source>
        <translation>及格线：%1%</translation>
    </message>
    <message>
        <source>Passed — well done!</source>
        <translation>通过了，真棒！</translation>
    </message>
    <message>
        <source>Not passed yet. Review the lesson and try again.</source>
        <translation>还没有通过。复习一下课程内容，再试一次吧。</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再做一次</translation>
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
        <translation>缩小文字</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Done ✓</source>
        <translation>已学完 ✓</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>标记为已学完</translation>
    </message>
</context>
<context>
    <name>VideoControls</name>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格键）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格键）</translation>
    </message>
    <message>
        <source>10 s</source>
        <translation>10 秒</translation>
    </message>
    <message>
        <source>Back 10 seconds (Left arrow)</source>
        <translation>后退 10 秒（左方向键）</translation>
    </message>
    <message>
        <source>Forward 10 seconds (Right arrow)</source>
        <translation>前进 10 秒（右方向键）</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>视频播放位置</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>全屏（F 键）</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>This video cannot be played: the file may be damaged.</source>
        <translation>无法播放这个视频：文件可能已损坏。</translation>
    </message>
    <message>
        <source>Videos are played by VLC media player, which is not installed on this computer.

On Debian, Ubuntu or Kylin, open a terminal and run:  sudo apt install vlc
On Windows or macOS, download VLC from https://www.videolan.org/ and install it.

Then start this app again.</source>
        <translation>视频需要用 VLC 媒体播放器播放，这台电脑还没有安装 VLC。

在 Debian、Ubuntu 或麒麟系统上：打开终端，运行  sudo apt install vlc
在 Windows 或 macOS 上：从 https://www.videolan.org/ 下载 VLC 并安装。

然后重新启动本软件。</translation>
    </message>
</context>
</TS>
