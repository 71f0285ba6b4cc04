<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Questions about immunotherapy?</source>
        <translation>¿Preguntas sobre la inmunoterapia?</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Learning about immunotherapy</source>
        <translation>Aprenda sobre la inmunoterapia</translation>
    </message>
    <message>
        <source>Immunotherapy helps your own immune system fight blood cancer. Tap a topic to begin.</source>
        <translation>La inmunoterapia ayuda a su propio sistema inmunitario a combatir el cáncer de la sangre. Toque un tema para empezar.</translation>
    </message>
    <message>
        <source>Good places to start</source>
        <translation>Buenos temas para empezar</translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n tema</numerusform>
            <numerusform>%n temas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message numerus="yes">
        <source>To keep your visit private, this screen will start over in %n second(s).</source>
        <translation>
            <numerusform>Para proteger su privacidad, esta pantalla volverá al inicio en %n segundo.</numerusform>
            <numerusform>Para proteger su privacidad, esta pantalla volverá al inicio en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>Sí, sigo aquí</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Letra más pequeña</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Letra más grande</translation>
    </message>
</context>
<context>
    <name>TopicScreen</name>
    <message>
        <source>Related topics</source>
        <translation>Temas relacionados</translation>
    </message>
    <message>
        <source>This topic is not available in this language yet</source>
        <translation>Este tema todavía no está disponible en español</translation>
    </message>
    <message>
        <source>Tap Home to see the topics we have.</source>
        <translation>Toque Inicio para ver los temas que tenemos.</translation>
    </message>
    <message>
        <source>Reviewed: %1</source>
        <translation>Revisado: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
</context>
</TS>
