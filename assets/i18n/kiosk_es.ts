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
        <source>Contact a specialist</source>
        <translation>Contactar a un especialista</translation>
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
        <source>The clinical trial %1</source>
        <translation>El ensayo clínico %1</translation>
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
    <message>
        <source>Clinical trials near this clinic</source>
        <translation>Ensayos clínicos cerca de esta clínica</translation>
    </message>
    <message>
        <source>Research studies looking for people to join, in plain words.</source>
        <translation>Estudios de investigación que buscan personas, explicados con palabras sencillas.</translation>
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
    <message>
        <source>I am finished: clear my screen</source>
        <translation>Terminé: borrar mi pantalla</translation>
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
        <source>Text size %1 %</source>
        <translation>Tamaño del texto %1 %</translation>
    </message>
    <message>
        <source>Text size: %1 %</source>
        <translation>Tamaño del texto: %1 %</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
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
        <source>Quieter</source>
        <translation>Más bajo</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Más alto</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Volume: %1 %</source>
        <translation>Volumen: %1 %</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>En pausa: %1</translation>
    </message>
    <message>
        <source>Reading aloud: %1</source>
        <translation>Leyendo en voz alta: %1</translation>
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
        <source>Clinical trial %1</source>
        <translation>Ensayo clínico %1</translation>
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
    <name>SectionScreen</name>
    <message numerus="yes">
        <source>%n short topic(s) to read at your own pace. Tap one to begin.</source>
        <translation>
            <numerusform>%n tema corto para leer a su propio ritmo. Tóquelo para empezar.</numerusform>
            <numerusform>%n temas cortos para leer a su propio ritmo. Toque uno para empezar.</numerusform>
        </translation>
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
        <source>The clinical trials list is %1 days old: fetch it again and publish the content.</source>
        <translation>La lista de ensayos clínicos tiene %1 días: vuelva a descargarla y publique el contenido.</translation>
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
        <source>Daily counts</source>
        <translation>Recuentos diarios</translation>
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
    <message>
        <source>the hub answered HTTP %1</source>
        <translation>el centro respondió HTTP %1</translation>
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
        <source>What you can do next</source>
        <translation>Lo que puede hacer ahora</translation>
    </message>
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
<context>
    <name>TrialsScreen</name>
    <message>
        <source>Clinical trials near this clinic</source>
        <translation>Ensayos clínicos cerca de esta clínica</translation>
    </message>
    <message>
        <source>A clinical trial is a research study that tests a new way to treat cancer. These trials are looking for people to join. Only your care team can tell you if one is right for you.</source>
        <translation>Un ensayo clínico es un estudio que prueba una nueva forma de tratar el cáncer. Estos ensayos buscan personas que quieran participar. Solo su equipo de atención puede decirle si uno es bueno para usted.</translation>
    </message>
    <message>
        <source>Type of blood cancer</source>
        <translation>Tipo de cáncer de la sangre</translation>
    </message>
    <message>
        <source>Phase of the trial</source>
        <translation>Fase del ensayo</translation>
    </message>
    <message>
        <source>Trials change often. Please talk with your care team before you decide anything about a trial.</source>
        <translation>Los ensayos cambian a menudo. Hable con su equipo de atención antes de decidir algo sobre un ensayo.</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Leukemia</source>
        <translation>Leucemia</translation>
    </message>
    <message>
        <source>Lymphoma</source>
        <translation>Linfoma</translation>
    </message>
    <message>
        <source>Myeloma</source>
        <translation>Mieloma</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Todas las fases</translation>
    </message>
    <message>
        <source>Early phase 1</source>
        <translation>Fase 1 temprana</translation>
    </message>
    <message>
        <source>Phase 1</source>
        <translation>Fase 1</translation>
    </message>
    <message>
        <source>Phase 1 and 2</source>
        <translation>Fases 1 y 2</translation>
    </message>
    <message>
        <source>Phase 2</source>
        <translation>Fase 2</translation>
    </message>
    <message>
        <source>Phase 2 and 3</source>
        <translation>Fases 2 y 3</translation>
    </message>
    <message>
        <source>Phase 3</source>
        <translation>Fase 3</translation>
    </message>
    <message>
        <source>Phase 4</source>
        <translation>Fase 4</translation>
    </message>
    <message>
        <source>No phase</source>
        <translation>Sin fase</translation>
    </message>
    <message>
        <source>Early phase 1: a very small first study to see how a new treatment acts in the body.</source>
        <translation>Fase 1 temprana: un primer estudio muy pequeño para ver cómo actúa un tratamiento nuevo en el cuerpo.</translation>
    </message>
    <message>
        <source>Phase 1: a small group tries a new treatment to find a safe dose and learn about side effects.</source>
        <translation>Fase 1: un grupo pequeño prueba un tratamiento nuevo para hallar una dosis segura y conocer sus efectos secundarios.</translation>
    </message>
    <message>
        <source>Phase 1 and 2: first a safe dose is found, then doctors see if the treatment works.</source>
        <translation>Fases 1 y 2: primero se busca una dosis segura y luego los médicos ven si el tratamiento funciona.</translation>
    </message>
    <message>
        <source>Phase 2: a larger group tries the treatment to see if it works and how safe it is.</source>
        <translation>Fase 2: un grupo más grande prueba el tratamiento para ver si funciona y qué tan seguro es.</translation>
    </message>
    <message>
        <source>Phase 2 and 3: doctors see if the treatment works and compare it with the usual treatment.</source>
        <translation>Fases 2 y 3: los médicos ven si el tratamiento funciona y lo comparan con el tratamiento de siempre.</translation>
    </message>
    <message>
        <source>Phase 3: many people take part to compare the new treatment with the usual treatment.</source>
        <translation>Fase 3: muchas personas participan para comparar el tratamiento nuevo con el de siempre.</translation>
    </message>
    <message>
        <source>Phase 4: the treatment is already approved, and doctors learn more about it over time.</source>
        <translation>Fase 4: el tratamiento ya está aprobado y los médicos aprenden más sobre él con el tiempo.</translation>
    </message>
    <message>
        <source>This study has no phase: it may test a device, a test, or a way of caring for people.</source>
        <translation>Este estudio no tiene fase: puede probar un aparato, una prueba o una forma de cuidar a las personas.</translation>
    </message>
    <message>
        <source>ages %1 to %2</source>
        <translation>de %1 a %2 años</translation>
    </message>
    <message>
        <source>age %1 or older</source>
        <translation>de %1 años o más</translation>
    </message>
    <message>
        <source>age %1 or younger</source>
        <translation>de %1 años o menos</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>de cualquier edad</translation>
    </message>
    <message>
        <source>women and men</source>
        <translation>mujeres y hombres</translation>
    </message>
    <message>
        <source>women only</source>
        <translation>solo mujeres</translation>
    </message>
    <message>
        <source>men only</source>
        <translation>solo hombres</translation>
    </message>
    <message>
        <source>Who may join: %1, %2.</source>
        <translation>Quién puede participar: %1, %2.</translation>
    </message>
    <message>
        <source>Nearest site: ask your care team where this trial takes place.</source>
        <translation>Lugar más cercano: pregunte a su equipo de atención dónde se hace este ensayo.</translation>
    </message>
    <message>
        <source>Nearest site: %1, about %2 miles away.</source>
        <translation>Lugar más cercano: %1, a unas %2 millas.</translation>
    </message>
    <message>
        <source>Who can join, in the study&apos;s own words: %1</source>
        <translation>Quién puede participar, con las palabras del estudio: %1</translation>
    </message>
    <message>
        <source>The full list of who can join uses hard medical words, so it is not shown here. Your care team can go through it with you.</source>
        <translation>La lista completa de quién puede participar está en inglés y usa palabras médicas difíciles, así que no se muestra aquí. Su equipo de atención puede revisarla con usted.</translation>
    </message>
    <message>
        <source>There is no list of trials on this kiosk yet. Your care team can tell you about trials.</source>
        <translation>Todavía no hay una lista de ensayos en este quiosco. Su equipo de atención puede hablarle de los ensayos.</translation>
    </message>
    <message>
        <source>List updated %1</source>
        <translation>Lista actualizada el %1</translation>
    </message>
    <message numerus="yes">
        <source>This list is %n day(s) old and may be out of date. Some trials may be full or closed. Your care team has the latest list.</source>
        <translation>
            <numerusform>Esta lista tiene %n día y puede no estar al día. Algunos ensayos pueden estar llenos o cerrados. Su equipo de atención tiene la lista más nueva.</numerusform>
            <numerusform>Esta lista tiene %n días y puede no estar al día. Algunos ensayos pueden estar llenos o cerrados. Su equipo de atención tiene la lista más nueva.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s) found</source>
        <translation>
            <numerusform>Se encontró %n ensayo</numerusform>
            <numerusform>Se encontraron %n ensayos</numerusform>
        </translation>
    </message>
    <message>
        <source>No trials match these choices. Try All types or All phases.</source>
        <translation>Ningún ensayo coincide con lo que eligió. Pruebe con Todos los tipos o Todas las fases.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n nearest. Your care team can tell you about the others.</source>
        <translation>
            <numerusform>Se muestra el más cercano. Su equipo de atención puede hablarle de los demás.</numerusform>
            <numerusform>Se muestran los %n más cercanos. Su equipo de atención puede hablarle de los demás.</numerusform>
        </translation>
    </message>
    <message>
        <source>ask your care team</source>
        <translation>pregunte a su equipo de atención</translation>
    </message>
    <message>
        <source>What is tested: %1</source>
        <translation>Qué se prueba: %1</translation>
    </message>
    <message>
        <source>Ask a specialist about this trial (%1)</source>
        <translation>Preguntar a un especialista sobre este ensayo (%1)</translation>
    </message>
</context>
</TS>
