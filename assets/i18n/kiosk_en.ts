<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Questions about immunotherapy?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Learning about immunotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunotherapy helps your own immune system fight blood cancer. Tap a topic to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good places to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>To keep your visit private, this screen will start over in %n second(s).</source>
        <translation>
            <numerusform>To keep your visit private, this screen will start over in %n second.</numerusform>
            <numerusform>To keep your visit private, this screen will start over in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopicScreen</name>
    <message>
        <source>Related topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This topic is not available in this language yet</source>
        <translation>This topic is not available in English yet</translation>
    </message>
    <message>
        <source>Tap Home to see the topics we have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
