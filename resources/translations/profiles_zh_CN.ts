<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FacilitatorPage</name>
    <message>
        <source>Facilitator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Learners on this computer</source>
        <translation>本机的学习者</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>学习者</translation>
    </message>
    <message>
        <source>Add learner</source>
        <translation>添加学习者</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>重设 PIN</translation>
    </message>
    <message>
        <source>Delete learner</source>
        <translation>删除学习者</translation>
    </message>
    <message>
        <source>Download courses</source>
        <translation>下载课程</translation>
    </message>
    <message>
        <source>Installed courses</source>
        <translation>已安装的课程</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Download speed limit</source>
        <translation>下载限速</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>闲置后锁定</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/秒</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>学习者</translation>
    </message>
    <message>
        <source>%1 records waiting to sync</source>
        <translation>%1 条记录待同步</translation>
    </message>
    <message>
        <source>Courses use %1; %2 free on this disk.</source>
        <translation>课程占用 %1；本磁盘剩余 %2。</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>The learner is now called %1.</source>
        <translation>该学习者已改名为 %1。</translation>
    </message>
    <message>
        <source>The PIN was reset.</source>
        <translation>PIN 已重设。</translation>
    </message>
    <message>
        <source>The learner and their progress were deleted.</source>
        <translation>该学习者及其学习进度已删除。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>%1 的新名字：</translation>
    </message>
    <message>
        <source>New PIN for %1 (4 to 6 digits; empty for none):</source>
        <translation>%1 的新 PIN（4 到 6 位数字；留空表示不设 PIN）：</translation>
    </message>
    <message>
        <source>You cannot delete the profile you are using.</source>
        <translation>不能删除正在使用的档案。</translation>
    </message>
    <message>
        <source>Delete %1 and all their progress? This cannot be undone.</source>
        <translation>删除 %1 及其全部学习进度？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>GuestEnding</name>
    <message>
        <source>Guest session</source>
        <translation>访客学习</translation>
    </message>
    <message>
        <source>You studied as a guest. Keep your progress as a new profile? If you discard it, or leave the computer until it locks, it is deleted from this computer and cannot be brought back.</source>
        <translation>您是以访客身份学习的。要把学习进度保存为新的档案吗？如果放弃，或离开电脑直到它自动锁定，进度将从本机删除，无法恢复。</translation>
    </message>
    <message>
        <source>Keep as a profile</source>
        <translation>保存为档案</translation>
    </message>
    <message>
        <source>Discard my progress</source>
        <translation>放弃我的进度</translation>
    </message>
    <message>
        <source>Go on studying</source>
        <translation>继续学习</translation>
    </message>
</context>
<context>
    <name>LearnerForm</name>
    <message>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>PIN (4 to 6 digits)</source>
        <translation>PIN（4 到 6 位数字）</translation>
    </message>
    <message>
        <source>PIN (optional, 4 to 6 digits)</source>
        <translation>PIN（可不填，4 到 6 位数字）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>请输入名字。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits.</source>
        <translation>PIN 为 4 到 6 位数字。</translation>
    </message>
    <message>
        <source>The two PINs are different.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Too many wrong PINs. This profile is locked; try again in %1 seconds.</source>
        <translation>PIN 错误次数过多，此档案已锁定，请在 %1 秒后重试。</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before the profile locks.</source>
        <translation>PIN 不正确。再错 %1 次，档案将被锁定。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits.</source>
        <translation>PIN 为 4 到 6 位数字。</translation>
    </message>
    <message>
        <source>Enter PIN</source>
        <translation>输入 PIN</translation>
    </message>
    <message>
        <source>Enter the PIN of %1.</source>
        <translation>请输入 %1 的 PIN。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>Facilitator · PIN</source>
        <translation>管理员 · PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Who is learning today?</source>
        <translation>今天谁来学习？</translation>
    </message>
    <message>
        <source>Choose your name. Your progress is kept apart from others&apos;.</source>
        <translation>请选择您的名字。您的学习进度与他人分开保存。</translation>
    </message>
    <message>
        <source>Large type and high contrast</source>
        <translation>大字体、高对比度</translation>
    </message>
    <message>
        <source>Add learner</source>
        <translation>添加学习者</translation>
    </message>
    <message>
        <source>A new profile on this computer</source>
        <translation>在本机新建一个档案</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Study without a profile</source>
        <translation>不建档案直接学习</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Switch learner</source>
        <translation>切换学习者</translation>
    </message>
    <message>
        <source>Lock and choose another learner (Ctrl+L)</source>
        <translation>锁定并选择其他学习者（Ctrl+L）</translation>
    </message>
</context>
<context>
    <name>SimpleHome</name>
    <message>
        <source>Hello, %1</source>
        <translation>%1，您好</translation>
    </message>
    <message>
        <source>Nothing started yet: find a class</source>
        <translation>还没有开始学习：去找一门课</translation>
    </message>
    <message>
        <source>Continue learning</source>
        <translation>继续学习</translation>
    </message>
    <message>
        <source>Silver-age classes</source>
        <translation>银龄课堂</translation>
    </message>
    <message>
        <source>Classes made for older learners</source>
        <translation>为老年学习者准备的课程</translation>
    </message>
    <message>
        <source>My courses</source>
        <translation>我的课程</translation>
    </message>
    <message>
        <source>Courses on this computer</source>
        <translation>本机上的课程</translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation>切换学习者</translation>
    </message>
    <message>
        <source>Let someone else use the computer</source>
        <translation>让其他人使用这台电脑</translation>
    </message>
</context>
</TS>
