<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>CallbackDone</name>
    <message>
        <source>Thank you. We have your request.</source>
        <translation>Gracias. Recibimos su solicitud.</translation>
    </message>
    <message>
        <source>Back to the topics</source>
        <translation>Volver a los temas</translation>
    </message>
    <message>
        <source>Your reference: %1</source>
        <translation>Su número de referencia: %1</translation>
    </message>
    <message>
        <source>A specialist will call you, usually within one business day.</source>
        <translation>Un especialista le llamará, por lo general en un día hábil.</translation>
    </message>
    <message>
        <source>We will call you at %1.</source>
        <translation>Le llamaremos al %1.</translation>
    </message>
</context>
<context>
    <name>CallbackForm</name>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Best time to call</source>
        <translation>Mejor hora para llamar</translation>
    </message>
    <message>
        <source>Language for the call</source>
        <translation>Idioma de la llamada</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Noche</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier hora</translation>
    </message>
    <message>
        <source>Change topic</source>
        <translation>Cambiar tema</translation>
    </message>
    <message>
        <source>A specialist may call me at this number</source>
        <translation>Un especialista puede llamarme a este número</translation>
    </message>
    <message>
        <source>Please enter your first name.</source>
        <translation>Por favor, escriba su nombre.</translation>
    </message>
    <message>
        <source>Please use 40 letters or fewer.</source>
        <translation>Por favor, use 40 letras o menos.</translation>
    </message>
    <message>
        <source>Please use letters only. Spaces, hyphens and apostrophes are fine.</source>
        <translation>Por favor, use solo letras. Puede usar espacios, guiones y apóstrofos.</translation>
    </message>
    <message>
        <source>Please enter a phone number.</source>
        <translation>Por favor, escriba un número de teléfono.</translation>
    </message>
    <message>
        <source>A phone number has only numbers.</source>
        <translation>Un número de teléfono lleva solo números.</translation>
    </message>
    <message>
        <source>This number does not look complete. Please check it.</source>
        <translation>Este número parece incompleto. Por favor, revíselo.</translation>
    </message>
    <message>
        <source>Please enter a phone number from this country.</source>
        <translation>Por favor, escriba un número de teléfono de este país.</translation>
    </message>
    <message>
        <source>Please tick the box so a specialist may call you.</source>
        <translation>Por favor, marque la casilla para que un especialista pueda llamarle.</translation>
    </message>
    <message>
        <source>This screen cannot take requests right now. Please ask at the front desk.</source>
        <translation>Esta pantalla no puede recibir solicitudes en este momento. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <source>Please check this.</source>
        <translation>Por favor, revise este dato.</translation>
    </message>
</context>
<context>
    <name>CallbackScreen</name>
    <message>
        <source>Ask a specialist to call you</source>
        <translation>Pida que un especialista le llame</translation>
    </message>
    <message>
        <source>Leave your first name and phone number. We use them only to call you back, and they are erased from this screen when you leave.</source>
        <translation>Deje su nombre y su número de teléfono. Solo los usamos para devolverle la llamada, y se borran de esta pantalla cuando usted se va.</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Enviar solicitud</translation>
    </message>
    <message>
        <source>What would you like to talk about?</source>
        <translation>¿De qué le gustaría hablar?</translation>
    </message>
    <message>
        <source>No particular topic</source>
        <translation>Ningún tema en particular</translation>
    </message>
</context>
<context>
    <name>CardBrowser</name>
    <message>
        <source>This topic cannot be shown right now. Please ask at the front desk.</source>
        <translation>Este tema no se puede mostrar ahora. Pregunte en la recepción, por favor.</translation>
    </message>
</context>
<context>
    <name>ContactFallback</name>
    <message>
        <source>Please ask at the front desk if you would like to talk to a specialist.</source>
        <translation>Si desea hablar con un especialista, por favor pregunte en la recepción.</translation>
    </message>
</context>
<context>
    <name>DefinitionCover</name>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Leer: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation>Hay un problema</translation>
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
    <message>
        <source>Contact a specialist</source>
        <translation>Contactar a un especialista</translation>
    </message>
    <message>
        <source>Leave your first name and number, and a specialist will call you.</source>
        <translation>Deje su nombre y su número, y un especialista le llamará.</translation>
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
    <name>Keyboard</name>
    <message>
        <source>Capital letter</source>
        <translation>Mayúscula</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Press Up or Down to move, Enter to choose, and Escape to go back.</source>
        <translation>Use las flechas Arriba y Abajo para moverse, Intro para elegir y Escape para volver.</translation>
    </message>
    <message>
        <source>You are on: %1.</source>
        <translation>Está en: %1.</translation>
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
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Text and colors</source>
        <translation>Texto y colores</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Letra más pequeña</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Letra más grande</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Más bajo</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Más alto</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <source>Search the topics</source>
        <translation>Buscar en los temas</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Palabras para buscar</translation>
    </message>
    <message>
        <source>Type a word, like “antibody”</source>
        <translation>Escriba una palabra, como «anticuerpo»</translation>
    </message>
    <message>
        <source>Or choose a section</source>
        <translation>O elija una sección</translation>
    </message>
    <message>
        <source>Contact a specialist</source>
        <translation>Contactar a un especialista</translation>
    </message>
    <message>
        <source>Leave your first name and number, and a specialist will call you.</source>
        <translation>Deje su nombre y su número, y un especialista le llamará.</translation>
    </message>
    <message>
        <source>Type a word, and the topics that use it show here.</source>
        <translation>Escriba una palabra y aquí verá los temas que la usan.</translation>
    </message>
    <message>
        <source>Topics with these words:</source>
        <translation>Temas con estas palabras:</translation>
    </message>
    <message>
        <source>We found no topic with those words. Try another word, or:</source>
        <translation>No encontramos ningún tema con esas palabras. Pruebe con otra palabra, o:</translation>
    </message>
</context>
<context>
    <name>StaffAccess</name>
    <message numerus="yes">
        <source>That PIN is not right. %n try(s) left before a pause.</source>
        <translation>
            <numerusform>Ese PIN no es correcto. Queda %n intento antes de una pausa.</numerusform>
            <numerusform>Ese PIN no es correcto. Quedan %n intentos antes de una pausa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in %1.</source>
        <translation>Demasiados intentos incorrectos. Vuelva a intentarlo en %1.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff panel</source>
        <translation>Panel del personal</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>After each visit, start again with</source>
        <translation>Después de cada visita, empezar de nuevo con</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Update content now</source>
        <translation>Actualizar el contenido ahora</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>Salir al escritorio</translation>
    </message>
    <message>
        <source>Close staff panel</source>
        <translation>Cerrar el panel del personal</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <source>Text %1%</source>
        <translation>Texto %1%</translation>
    </message>
    <message>
        <source>Checking for new content…</source>
        <translation>Buscando contenido nuevo…</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message numerus="yes">
        <source>%n problem(s) need attention</source>
        <translation>
            <numerusform>%n problema requiere atención</numerusform>
            <numerusform>%n problemas requieren atención</numerusform>
        </translation>
    </message>
    <message>
        <source>All checks passed</source>
        <translation>Todas las comprobaciones están bien</translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation>Comprobado: %1</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Versión de la aplicación</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <source>Content version</source>
        <translation>Versión del contenido</translation>
    </message>
    <message>
        <source>None loaded</source>
        <translation>Ninguno cargado</translation>
    </message>
    <message>
        <source>Content published</source>
        <translation>Contenido publicado</translation>
    </message>
    <message>
        <source>Content loaded</source>
        <translation>Contenido cargado</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <source>Last update error</source>
        <translation>Último error de actualización</translation>
    </message>
    <message>
        <source>Fleet status reports</source>
        <translation>Informes de estado a la flota</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>Disco libre</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Patient mode</source>
        <translation>Modo paciente</translation>
    </message>
    <message>
        <source>The kiosk is not running.</source>
        <translation>El quiosco no está funcionando.</translation>
    </message>
    <message>
        <source>No staff PIN is set, so the staff panel cannot open (`kiosk set-pin`).</source>
        <translation>No hay un PIN del personal, así que el panel del personal no se puede abrir (`kiosk set-pin`).</translation>
    </message>
    <message>
        <source>No content is loaded.</source>
        <translation>No hay contenido cargado.</translation>
    </message>
    <message>
        <source>No callback endpoint: callback requests stay queued on this kiosk.</source>
        <translation>No hay dirección para las solicitudes de llamada: se quedan guardadas en este quiosco.</translation>
    </message>
    <message>
        <source>A callback endpoint is set but callbacks.secret is empty.</source>
        <translation>Hay una dirección para las solicitudes de llamada, pero callbacks.secret está vacío.</translation>
    </message>
    <message numerus="yes">
        <source>%n callback request(s) could not be delivered.</source>
        <translation>
            <numerusform>No se pudo entregar %n solicitud de llamada.</numerusform>
            <numerusform>No se pudieron entregar %n solicitudes de llamada.</numerusform>
        </translation>
    </message>
    <message>
        <source>Callback requests have been waiting for more than an hour.</source>
        <translation>Hay solicitudes de llamada que esperan desde hace más de una hora.</translation>
    </message>
    <message>
        <source>Content updates are off: sync.repository_url is empty.</source>
        <translation>Las actualizaciones de contenido están apagadas: sync.repository_url está vacío.</translation>
    </message>
    <message>
        <source>Fleet status is off: status.endpoint is set but status.secret is empty.</source>
        <translation>Los informes de estado están apagados: status.endpoint tiene valor, pero status.secret está vacío.</translation>
    </message>
    <message>
        <source>Fleet status is not getting through: %1</source>
        <translation>Los informes de estado no llegan: %1</translation>
    </message>
    <message>
        <source>Low disk space: %1 MB free.</source>
        <translation>Queda poco espacio en el disco: %1 MB libres.</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1: no se pudo leer (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Fleet status is off: %1 is not a valid address.</source>
        <translation>Los informes de estado están apagados: %1 no es una dirección válida.</translation>
    </message>
    <message>
        <source>Fleet status is off: %1 must use https:// (http:// only for this machine).</source>
        <translation>Los informes de estado están apagados: %1 debe usar https:// (http:// solo para esta máquina).</translation>
    </message>
    <message>
        <source>Fleet status is off: %1 must be an https:// address.</source>
        <translation>Los informes de estado están apagados: %1 debe ser una dirección https://.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Content updates</source>
        <translation>Actualizaciones de contenido</translation>
    </message>
    <message>
        <source>Callback outbox</source>
        <translation>Solicitudes de llamada guardadas</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Lectura en voz alta</translation>
    </message>
    <message>
        <source>Callback requests</source>
        <translation>Solicitudes de llamada</translation>
    </message>
    <message>
        <source>the update offered cannot be used (too large, incomplete or not valid)</source>
        <translation>la actualización que se ofrece no se puede usar (es muy grande, está incompleta o no es válida)</translation>
    </message>
    <message>
        <source>the update&apos;s signed data has expired</source>
        <translation>los datos firmados de la actualización ya vencieron</translation>
    </message>
    <message>
        <source>older than a version this kiosk has seen (replay or rollback)</source>
        <translation>es más antigua que una versión que este quiosco ya tiene (repetición o vuelta atrás)</translation>
    </message>
    <message>
        <source>bad signature or wrong key</source>
        <translation>firma incorrecta o clave equivocada</translation>
    </message>
    <message>
        <source>a file&apos;s hash or length does not match</source>
        <translation>el hash o el tamaño de un archivo no coincide</translation>
    </message>
    <message>
        <source>a download was larger than allowed</source>
        <translation>una descarga era más grande de lo permitido</translation>
    </message>
    <message>
        <source>invalid metadata</source>
        <translation>metadatos no válidos</translation>
    </message>
    <message>
        <source>the content server was too slow</source>
        <translation>el servidor de contenido tardó demasiado</translation>
    </message>
    <message>
        <source>the content server answered HTTP %1</source>
        <translation>el servidor de contenido respondió HTTP %1</translation>
    </message>
    <message>
        <source>the update settings are not right (see `kiosk doctor`)</source>
        <translation>la configuración de las actualizaciones no es correcta (vea `kiosk doctor`)</translation>
    </message>
    <message>
        <source>a file on this kiosk could not be read or written</source>
        <translation>no se pudo leer o escribir un archivo en este quiosco</translation>
    </message>
    <message>
        <source>another content update is running</source>
        <translation>ya hay otra actualización de contenido en curso</translation>
    </message>
    <message>
        <source>unexpected error (%1)</source>
        <translation>error inesperado (%1)</translation>
    </message>
    <message>
        <source>the content server cannot be reached</source>
        <translation>no se puede conectar con el servidor de contenido</translation>
    </message>
    <message>
        <source>the content server cannot be reached (%1)</source>
        <translation>no se puede conectar con el servidor de contenido (%1)</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>conexión rechazada</translation>
    </message>
    <message>
        <source>server name not found</source>
        <translation>no se encontró el nombre del servidor</translation>
    </message>
    <message>
        <source>TLS certificate not trusted</source>
        <translation>certificado TLS no confiable</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>error de TLS</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>no respondió a tiempo</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>se perdió la conexión</translation>
    </message>
    <message>
        <source>system error</source>
        <translation>error del sistema</translation>
    </message>
    <message>
        <source>Content update rejected: %1</source>
        <translation>Actualización de contenido rechazada: %1</translation>
    </message>
    <message>
        <source>Content update unavailable: %1</source>
        <translation>Actualización de contenido no disponible: %1</translation>
    </message>
    <message>
        <source>Content update failed: %1</source>
        <translation>La actualización de contenido falló: %1</translation>
    </message>
    <message>
        <source>Content updated to version %1</source>
        <translation>Contenido actualizado a la versión %1</translation>
    </message>
    <message>
        <source>Content is up to date (version %1)</source>
        <translation>El contenido está al día (versión %1)</translation>
    </message>
    <message>
        <source>Signage mode</source>
        <translation>Modo letrero</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Fuera de servicio</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Yes, since %1 (%2)</source>
        <translation>Sí, desde %1 (%2)</translation>
    </message>
    <message>
        <source>No (last started %1)</source>
        <translation>No (último inicio: %1)</translation>
    </message>
    <message>
        <source>No, never started</source>
        <translation>No, nunca se ha iniciado</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Callback requests waiting</source>
        <translation>Solicitudes de llamada en espera</translation>
    </message>
    <message>
        <source>Callback requests failed</source>
        <translation>Solicitudes de llamada fallidas</translation>
    </message>
    <message>
        <source>%1 (oldest %2)</source>
        <translation>%1 (la más antigua: %2)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Failing: %1</source>
        <translation>Con fallos: %1</translation>
    </message>
    <message>
        <source>Last sent %1</source>
        <translation>Último envío: %1</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Aún no enviado</translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>Take it home</source>
        <translation>Llévelo a casa</translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code to open this page on your phone.</source>
        <translation>Apunte la cámara de su teléfono al código para abrir esta página en su teléfono.</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>Código QR de %1</translation>
    </message>
</context>
<context>
    <name>TopicScreen</name>
    <message>
        <source>Related topics</source>
        <translation>Temas relacionados</translation>
    </message>
    <message>
        <source>Words on this card</source>
        <translation>Palabras de esta tarjeta</translation>
    </message>
    <message>
        <source>Print this card</source>
        <translation>Imprimir esta tarjeta</translation>
    </message>
    <message>
        <source>Contact a specialist</source>
        <translation>Contactar a un especialista</translation>
    </message>
    <message>
        <source>Take it home</source>
        <translation>Llévelo a casa</translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code to open this page.</source>
        <translation>Apunte la cámara de su teléfono al código para abrir esta página.</translation>
    </message>
    <message>
        <source>Your page is printing. Please collect it from the printer.</source>
        <translation>Su hoja se está imprimiendo. Por favor, recójala en la impresora.</translation>
    </message>
    <message>
        <source>The printer is not working right now. Please ask at the front desk.</source>
        <translation>La impresora no funciona en este momento. Por favor, pregunte en la recepción.</translation>
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
