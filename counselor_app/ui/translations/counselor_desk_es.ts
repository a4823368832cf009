<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddCounselorDialog</name>
    <message>
        <location filename="../session_lock.py" line="557"/>
        <source>Add a counselor to this computer</source>
        <translation>Agregar un consejero a esta computadora</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="559"/>
        <source>The new counselor signs in with their own PIN or password; everything they do is recorded under their name. They see this center&apos;s records.</source>
        <translation>El nuevo consejero inicia sesión con su propio PIN o contraseña; todo lo que haga queda registrado a su nombre. Ve los registros de este centro.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="572"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="573"/>
        <source>&amp;PIN or password</source>
        <translation>&amp;PIN o contraseña</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="574"/>
        <source>&amp;Again</source>
        <translation>&amp;Otra vez</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="588"/>
        <source>The two entries are not the same. Type them again.</source>
        <translation>Las dos entradas no coinciden. Escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>AppointmentTableModel</name>
    <message>
        <location filename="../appointment_table_model.py" line="46"/>
        <source>Find or register</source>
        <translation>Buscar o registrar</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="47"/>
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="48"/>
        <source>Background and goals</source>
        <translation>Experiencia y metas</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="49"/>
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="50"/>
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="51"/>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="52"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="69"/>
        <source>Paused at: {step}</source>
        <translation>En pausa en: {step}</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="86"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="87"/>
        <source>Job seeker</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="89"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="90"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="92"/>
        <source>Outcome or step</source>
        <translation>Resultado o paso</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="88"/>
        <source>(not chosen yet)</source>
        <translation>(aún sin elegir)</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="62"/>
        <source>Walk-in</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="63"/>
        <source>Scheduled</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="71"/>
        <source>Stopped at: {step}</source>
        <translation>Se detuvo en: {step}</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="77"/>
        <source>Not confirmed: double-booked (the counselor has another appointment at this time; the desk that booked it must move or cancel it)</source>
        <translation>Sin confirmar: reserva doble (el consejero tiene otra cita a esta hora; el escritorio que la reservó debe moverla o cancelarla)</translation>
    </message>
</context>
<context>
    <name>AppointmentWizard</name>
    <message>
        <location filename="../appointment_wizard.py" line="145"/>
        <source>Autosave</source>
        <translation>Guardado automático</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="156"/>
        <source>Steps of the appointment</source>
        <translation>Pasos de la cita</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="177"/>
        <source>Keep this appointment open and go to the Today page; everything typed is saved</source>
        <translation>Dejar la cita abierta e ir a Hoy; todo lo escrito queda guardado</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="181"/>
        <source>The job seeker has to leave: go to the summary and record the outcome</source>
        <translation>La persona tiene que irse: ir al resumen y registrar el resultado</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="176"/>
        <source>Pause (back to Today)</source>
        <translation>Pausar (volver a Hoy)</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="180"/>
        <source>End early…</source>
        <translation>Terminar antes…</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="184"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="187"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="317"/>
        <source>Appointment with {name}</source>
        <translation>Cita con {name}</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="318"/>
        <source>New appointment</source>
        <translation>Cita nueva</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="328"/>
        <source>Step {n} of {total}: {title}</source>
        <translation>Paso {n} de {total}: {title}</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="396"/>
        <source>✓ Saved</source>
        <translation>✓ Guardado</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="403"/>
        <source>⚠ Not saved: {error}</source>
        <translation>⚠ No se guardó: {error}</translation>
    </message>
</context>
<context>
    <name>BackgroundStep</name>
    <message>
        <location filename="../wizard_background_page.py" line="21"/>
        <source>Ask about the last job, the goal, what they like, and how much time they have each week. The recommendations on the next step are built from these answers.</source>
        <extracomment>What the recommendation engine cannot work without.</extracomment>
        <translation>Pregunte por el último empleo, la meta, lo que le gusta y cuánto tiempo tiene cada semana. Las recomendaciones del siguiente paso se basan en estas respuestas.</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="30"/>
        <source>Background and goals</source>
        <translation>Experiencia y metas</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="33"/>
        <source>&amp;Save and see recommendations</source>
        <translation>&amp;Guardar y ver recomendaciones</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="69"/>
        <source>Ask this: the recommendations need it.</source>
        <translation>Pregunte esto: las recomendaciones lo necesitan.</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="102"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../booking_dialog.py" line="65"/>
        <source>Book an appointment</source>
        <translation>Reservar una cita</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="65"/>
        <source>Booked appointment</source>
        <translation>Cita reservada</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="77"/>
        <source>Name, e-mail or phone</source>
        <translation>Nombre, correo o teléfono</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="81"/>
        <source>Job seekers found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="91"/>
        <source>&amp;Whom for</source>
        <translation>&amp;Para quién</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="108"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="113"/>
        <source>center&apos;s time ({zone})</source>
        <translation>hora del centro ({zone})</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="117"/>
        <source>&amp;Time</source>
        <translation>&amp;Hora</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="125"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="126"/>
        <source>&amp;Length</source>
        <translation>&amp;Duración</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="133"/>
        <source>&amp;How</source>
        <translation>&amp;Modalidad</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="148"/>
        <source>&amp;Counselor</source>
        <translation>&amp;Consejero</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="151"/>
        <source>&amp;Place</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="154"/>
        <source>What the appointment is about, what to bring</source>
        <translation>De qué trata la cita, qué traer</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="159"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="160"/>
        <source>E-mail a confirmation with a calendar invitation</source>
        <translation>Enviar una confirmación por correo con invitación de calendario</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="165"/>
        <source>Set up the mail server in Settings to send confirmations.</source>
        <translation>Configure el servidor de correo en Configuración para enviar confirmaciones.</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="181"/>
        <source>Arrived: check &amp;in</source>
        <translation>Llegó: &amp;registrar llegada</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="184"/>
        <source>Did &amp;not come</source>
        <translation>&amp;No vino</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="187"/>
        <source>Cancel the &amp;booking</source>
        <translation>Cancelar la &amp;reserva</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="200"/>
        <source>&amp;Book</source>
        <translation>&amp;Reservar</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="202"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="203"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="230"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — {start} to {end}, {status}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — de {start} a {end}, {status}</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="234"/>
        <source>Appointment for &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>Cita para &lt;b&gt;{name}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="236"/>
        <source>Find the person the appointment is for (register someone new on the Job seekers page).</source>
        <translation>Busque a la persona para quien es la cita (registre a alguien nuevo en la página Personas en búsqueda de empleo).</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="255"/>
        <source>Nobody matches. Register the person first (Job seekers).</source>
        <translation>No hay coincidencias. Registre primero a la persona (Personas en búsqueda de empleo).</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="305"/>
        <source>{time} does not exist that day: the clocks jump forward. Choose another time.</source>
        <translation>Las {time} no existen ese día: los relojes se adelantan. Elija otra hora.</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="312"/>
        <source>Not free: {counselor} already has an appointment from {start} to {end} with {name}. Choose another time or another counselor.</source>
        <translation>No disponible: {counselor} ya tiene una cita de {start} a {end} con {name}. Elija otra hora u otro consejero.</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="315"/>
        <source>someone</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="319"/>
        <source>✓ {counselor} is free at this time.</source>
        <translation>✓ {counselor} está disponible a esta hora.</translation>
    </message>
    <message>
        <location filename="../booking_dialog.py" line="200"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar los cambios</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../calendar_page.py" line="41"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="44"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Anterior</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="46"/>
        <source>T&amp;oday</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="48"/>
        <source>N&amp;ext ▶</source>
        <translation>Si&amp;guiente ▶</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="57"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="58"/>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="62"/>
        <source>All counselors</source>
        <translation>Todos los consejeros</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="69"/>
        <source>&amp;View:</source>
        <translation>&amp;Vista:</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="71"/>
        <source>Co&amp;unselor:</source>
        <translation>Co&amp;nsejero:</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="84"/>
        <source>Bookings of the day</source>
        <translation>Citas del día</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="96"/>
        <source>Bookings of the week</source>
        <translation>Citas de la semana</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="105"/>
        <source>Double-click an empty half hour to book it, or a booking to open it.</source>
        <translation>Haga doble clic en una media hora libre para reservarla, o en una reserva para abrirla.</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="106"/>
        <source>Double-click a booking to move it, cancel it or check the person in.</source>
        <translation>Haga doble clic en una reserva para cambiarla, cancelarla o registrar la llegada de la persona.</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="113"/>
        <source>&amp;Book an appointment…</source>
        <translation>&amp;Reservar una cita…</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="116"/>
        <source>&amp;Arrived: check in</source>
        <translation>&amp;Llegó: registrar llegada</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="119"/>
        <source>Did &amp;not come</source>
        <translation>&amp;No vino</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="122"/>
        <source>&amp;Cancel the booking</source>
        <translation>&amp;Cancelar la cita</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="125"/>
        <source>Send tomorrow&apos;s &amp;reminders</source>
        <translation>Enviar los &amp;recordatorios de mañana</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="168"/>
        <source>Week of {date}</source>
        <translation>Semana del {date}</translation>
    </message>
    <message>
        <location filename="../calendar_page.py" line="245"/>
        <source>{sent} reminders sent; {failed} could not be sent and will be tried again.</source>
        <translation>{sent} recordatorios enviados; {failed} no se pudieron enviar y se volverán a intentar.</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <location filename="../campaign_page.py" line="104"/>
        <source>Outreach</source>
        <translation>Alcance comunitario</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="107"/>
        <source>&amp;Campaign:</source>
        <translation>&amp;Campaña:</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="114"/>
        <source>&amp;Import a customer list…</source>
        <translation>&amp;Importar una lista de clientes…</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="119"/>
        <source>E-&amp;mail invitations to book</source>
        <translation>Enviar invitaciones para reser&amp;var</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="120"/>
        <source>Send each person not yet invited an invitation in their language</source>
        <translation>Enviar a cada persona aún no invitada una invitación en su idioma</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="136"/>
        <location filename="../campaign_page.py" line="140"/>
        <source>New referrals from partner agencies</source>
        <translation>Nuevas remisiones de agencias asociadas</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="143"/>
        <source>&amp;Accept the referral</source>
        <translation>&amp;Aceptar la remisión</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="154"/>
        <source>People to reach</source>
        <translation>Personas por contactar</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="161"/>
        <source>* a prospect: not registered on this desk yet.</source>
        <translation>* un prospecto: aún no registrado en este equipo.</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="165"/>
        <source>Take the &amp;next person</source>
        <translation>Tomar la &amp;siguiente persona</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="169"/>
        <location filename="../campaign_page.py" line="298"/>
        <source>Take the next person, or select someone in the list.</source>
        <translation>Tome la siguiente persona o seleccione a alguien de la lista.</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="188"/>
        <source>No ans&amp;wer</source>
        <translation>No &amp;contestó</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="189"/>
        <source>&amp;Left a message</source>
        <translation>&amp;Dejé un mensaje</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="190"/>
        <source>&amp;Reached, will think about it</source>
        <translation>&amp;Contactada, lo pensará</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="199"/>
        <source>Why they declined</source>
        <translation>Por qué rechazó</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="202"/>
        <source>&amp;Declined</source>
        <translation>&amp;Rechazó</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="208"/>
        <source>&amp;Book an appointment…</source>
        <translation>&amp;Reservar una cita…</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="245"/>
        <source>Partner referrals</source>
        <translation>Remisiones de socios</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="274"/>
        <source>&lt;b&gt;{people}&lt;/b&gt; people · called or e-mailed &lt;b&gt;{attempted}&lt;/b&gt; · reached &lt;b&gt;{reached}&lt;/b&gt; · booked &lt;b&gt;{booked}&lt;/b&gt; · served &lt;b&gt;{served}&lt;/b&gt; · licensed &lt;b&gt;{licensed}&lt;/b&gt; · declined &lt;b&gt;{declined}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{people}&lt;/b&gt; personas · llamadas o con correo &lt;b&gt;{attempted}&lt;/b&gt; · contactadas &lt;b&gt;{reached}&lt;/b&gt; · con cita &lt;b&gt;{booked}&lt;/b&gt; · atendidas &lt;b&gt;{served}&lt;/b&gt; · con licencia &lt;b&gt;{licensed}&lt;/b&gt; · rechazaron &lt;b&gt;{declined}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="280"/>
        <source>Referrals accepted from partner agencies, worked like a campaign.</source>
        <translation>Remisiones aceptadas de agencias asociadas, trabajadas como una campaña.</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="302"/>
        <source>Phone: {phone}</source>
        <translation>Teléfono: {phone}</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="304"/>
        <source>E-mail: {email}</source>
        <translation>Correo: {email}</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="305"/>
        <source>Language: {language}</source>
        <translation>Idioma: {language}</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="306"/>
        <source>Status: {status} · attempts: {n}</source>
        <translation>Estado: {status} · intentos: {n}</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="313"/>
        <source>&lt;i&gt;Prospect: register them at the appointment.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Prospecto: regístrelo en la cita.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="334"/>
        <source>Nobody is left to call in this list right now (the rest are booked, declined, or being worked by another counselor).</source>
        <translation>No queda nadie por llamar en esta lista por ahora (el resto tiene cita, rechazó o lo atiende otro consejero).</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="387"/>
        <source>{people} people imported: {matched} already registered here, {prospects} new prospects ({repeated} repeated rows merged).</source>
        <translation>{people} personas importadas: {matched} ya registradas aquí, {prospects} prospectos nuevos ({repeated} filas repetidas combinadas).</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="394"/>
        <source>Importing the customer list…</source>
        <translation>Importando la lista de clientes…</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="410"/>
        <source>Call us or reply to this e-mail to choose a time.</source>
        <translation>Llámenos o responda a este correo para elegir una hora.</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="420"/>
        <source>{sent} invitations sent; {failed} could not be sent (they will be tried again next time); {missing} people have no e-mail address.</source>
        <translation>{sent} invitaciones enviadas; {failed} no se pudieron enviar (se intentará de nuevo la próxima vez); {missing} personas no tienen correo electrónico.</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="424"/>
        <source>Sending invitations…</source>
        <translation>Enviando invitaciones…</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="175"/>
        <source>Same person: link</source>
        <translation>Es la misma persona: vincular</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="177"/>
        <source>This person is the registered job seeker named in the flag</source>
        <translation>Esta persona es el solicitante de empleo registrado que indica el aviso</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="179"/>
        <source>Someone else</source>
        <translation>Es otra persona</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="181"/>
        <source>This person is not the registered job seeker named in the flag; keep them as a prospect</source>
        <translation>Esta persona no es el solicitante de empleo registrado que indica el aviso; se mantiene como prospecto</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="309"/>
        <source>&lt;b&gt;Possible match: {name}&lt;/b&gt; (same phone or a similar name). Ask, then confirm it is them or say it is someone else.</source>
        <translation>&lt;b&gt;Posible coincidencia: {name}&lt;/b&gt; (mismo teléfono o un nombre parecido). Pregunte y luego confirme que es esa persona o indique que es otra.</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../catalog_page.py" line="46"/>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="53"/>
        <source>Words in the title, skills or occupation</source>
        <translation>Palabras del título, habilidades u ocupación</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="57"/>
        <source>Certificates and courses</source>
        <translation>Certificados y cursos</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="58"/>
        <source>Professional certificates</source>
        <translation>Certificados profesionales</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="59"/>
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="63"/>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="64"/>
        <source> hours or less</source>
        <translation> horas o menos</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="66"/>
        <source>any level</source>
        <translation>cualquier nivel</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="70"/>
        <source>&amp;Free credential only</source>
        <translation>Solo con credencial &amp;gratuita</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="74"/>
        <source>C&amp;lear filters</source>
        <translation>&amp;Borrar filtros</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="76"/>
        <source>&amp;Words</source>
        <translation>&amp;Palabras</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="76"/>
        <source>C&amp;ollection</source>
        <translation>C&amp;olección</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="77"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="77"/>
        <source>&amp;Hours</source>
        <translation>&amp;Horas</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="78"/>
        <source>L&amp;evel</source>
        <translation>&amp;Nivel</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="78"/>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="79"/>
        <source>Leads to occu&amp;pation</source>
        <translation>Lleva a la oc&amp;upación</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="99"/>
        <source>Catalog items</source>
        <translation>Elementos del catálogo</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="123"/>
        <source>Details of the selected item</source>
        <translation>Detalles del elemento elegido</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="159"/>
        <source>Loading the catalog…</source>
        <translation>Cargando el catálogo…</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="170"/>
        <source>all collections</source>
        <translation>todas las colecciones</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="173"/>
        <source>any language</source>
        <translation>cualquier idioma</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="178"/>
        <source>any occupation</source>
        <translation>cualquier ocupación</translation>
    </message>
    <message numerus="yes">
        <location filename="../catalog_page.py" line="209"/>
        <source>Showing %n of {total} items. Hours are approximate; check the course page before promising a figure.</source>
        <translation>
            <numerusform>Se muestra %n de {total} elementos. Las horas son aproximadas; consulte la página del curso antes de prometer una cifra.</numerusform>
            <numerusform>Se muestran %n de {total} elementos. Las horas son aproximadas; consulte la página del curso antes de prometer una cifra.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="228"/>
        <source>Leads to:</source>
        <translation>Lleva a:</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="232"/>
        <source>Courses:</source>
        <translation>Cursos:</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="240"/>
        <source>Skills:</source>
        <translation>Habilidades:</translation>
    </message>
</context>
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../catalog_table_model.py" line="94"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="95"/>
        <source>about {n} h</source>
        <translation>unas {n} h</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="117"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="119"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="121"/>
        <source>Partner</source>
        <translation>Institución</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="122"/>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="124"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="126"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="127"/>
        <source>Free credential</source>
        <translation>Credencial gratuita</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="129"/>
        <source>Leads to</source>
        <translation>Lleva a</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="106"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="107"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../conflict_dialog.py" line="48"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="49"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="64"/>
        <source>Two versions of one record</source>
        <translation>Dos versiones de un mismo registro</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="71"/>
        <source>This job seeker was also issued a license in this program at another desk, and a person may hold only one. Take the server&apos;s version to keep the other desk&apos;s license (this one is recorded as revoked), or keep this device&apos;s version once an administrator has revoked the other license.</source>
        <translation>A esta persona también se le emitió una licencia de este programa en otro escritorio, y una persona solo puede tener una. Tome la versión del servidor para conservar la licencia del otro escritorio (esta queda registrada como revocada), o conserve la versión de este dispositivo una vez que un administrador haya revocado la otra licencia.</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="76"/>
        <source>Someone else changed this record on the agency server (version {theirs}) while this device changed it offline (version {mine}). Nothing has been overwritten. Choose which value to keep for each field that differs.</source>
        <translation>Otra persona cambió este registro en el servidor de la agencia (versión {theirs}) mientras este equipo lo cambiaba sin conexión (versión {mine}). No se ha sobrescrito nada. Elija qué valor conservar en cada campo que difiere.</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="81"/>
        <source>Show &amp;all fields, not only those that differ</source>
        <translation>Mostrar &amp;todos los campos, no solo los que difieren</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="89"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="89"/>
        <source>On this device</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="89"/>
        <source>On the agency server</source>
        <translation>En el servidor de la agencia</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="92"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="97"/>
        <source>Changed on this device</source>
        <translation>Cambiado en este equipo</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="100"/>
        <source>{field}: keep this device&apos;s value</source>
        <translation>{field}: conservar el valor de este equipo</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="101"/>
        <source>{field}: take the server&apos;s value</source>
        <translation>{field}: tomar el valor del servidor</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="126"/>
        <source>* changed on this device since the last sync.</source>
        <translation>* cambiado en este equipo desde la última sincronización.</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="129"/>
        <source>Keep all of &amp;mine</source>
        <translation>Conservar todo lo &amp;mío</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="130"/>
        <source>Take all of the &amp;server&apos;s</source>
        <translation>Tomar todo lo del &amp;servidor</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="132"/>
        <source>&amp;Use my choices</source>
        <translation>&amp;Usar mis elecciones</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="133"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../crash_dialog.py" line="52"/>
        <source>Counselor Desk</source>
        <translation>Counselor Desk</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="53"/>
        <source>Problem report</source>
        <translation>Informe del problema</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="60"/>
        <source>&lt;b&gt;Counselor Desk ran into a problem. Your saved work is safe.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Counselor Desk tuvo un problema. Su trabajo guardado está a salvo.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="70"/>
        <source>Report text</source>
        <translation>Texto del informe</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="75"/>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir la carpeta</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="77"/>
        <source>Show the report file, to attach it to an e-mail</source>
        <translation>Mostrar el archivo del informe, para adjuntarlo a un correo</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="78"/>
        <source>&amp;Copy report</source>
        <translation>&amp;Copiar el informe</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="79"/>
        <source>Copy the report, to paste it into an e-mail or a help-desk ticket</source>
        <translation>Copiar el informe, para pegarlo en un correo o en una solicitud de soporte</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="80"/>
        <location filename="../crash_dialog.py" line="127"/>
        <source>Show &amp;details</source>
        <translation>Mostrar &amp;detalles</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="82"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="106"/>
        <source>Everything you saved before this message is kept. You can go on working; if the problem comes back, close Counselor Desk and open it again.</source>
        <translation>Todo lo que guardó antes de este mensaje se conserva. Puede seguir trabajando; si el problema vuelve, cierre Counselor Desk y ábralo de nuevo.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="109"/>
        <source>The report was saved to {path}; send it to your IT help desk.</source>
        <translation>El informe se guardó en {path}; envíelo al soporte técnico de su oficina.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="112"/>
        <source>The report could not be saved to a file. Press Copy report and paste it into an e-mail to your IT help desk.</source>
        <translation>No se pudo guardar el informe en un archivo. Pulse Copiar el informe y péguelo en un correo para el soporte técnico de su oficina.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="114"/>
        <source>It holds no job seeker&apos;s personal information.</source>
        <translation>No contiene información personal de ninguna persona atendida.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="123"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="127"/>
        <source>Hide &amp;details</source>
        <translation>Ocultar &amp;detalles</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../duplicate_dialog.py" line="35"/>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="40"/>
        <source>This person may already be registered</source>
        <translation>Es posible que esta persona ya esté registrada</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="41"/>
        <source>Ask the job seeker whether one of these is them. Opening the existing record avoids a second license for the same person.</source>
        <translation>Pregunte a la persona si es una de estas. Abrir el registro existente evita una segunda licencia para la misma persona.</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="47"/>
        <source>Possible matches</source>
        <translation>Posibles coincidencias</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="52"/>
        <source>Why:</source>
        <translation>Por qué:</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="61"/>
        <source>&amp;Open the existing record</source>
        <translation>&amp;Abrir el registro existente</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="63"/>
        <source>&amp;Save anyway: a different person</source>
        <translation>&amp;Guardar igual: es otra persona</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="65"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
<context>
    <name>EditOutcomeDialog</name>
    <message>
        <location filename="../outcomes_page.py" line="128"/>
        <source>Correct the outcome</source>
        <translation>Corregir el resultado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="130"/>
        <source>Job seeker:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="134"/>
        <source>&amp;Date achieved:</source>
        <translation>&amp;Fecha en que se logró:</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="137"/>
        <source>&amp;Course or credential:</source>
        <translation>&amp;Curso o credencial:</translation>
    </message>
</context>
<context>
    <name>EligibilityStep</name>
    <message>
        <location filename="../wizard_eligibility_page.py" line="70"/>
        <source>Read the attestation to the job seeker (or let them read it), then ask each question.</source>
        <translation>Lea la declaración a la persona (o deje que la lea) y luego haga cada pregunta.</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="79"/>
        <source>Attestation ({version})</source>
        <translation>Declaración ({version})</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="106"/>
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="114"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="114"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="159"/>
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="38"/>
        <location filename="../wizard_eligibility_page.py" line="283"/>
        <source>What you can do next: {step}</source>
        <extracomment>Refusals known before the attestation; the others (no attestation yet, not eligible) are what this step is for.</extracomment>
        <translation>Qué puede hacer ahora: {step}</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="233"/>
        <source>Answers from {name}&apos;s record are filled in: read them back and change any that are no longer true.</source>
        <translation>Las respuestas del registro de {name} ya están marcadas: léalas en voz alta y cambie las que ya no sean ciertas.</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="276"/>
        <source>Eligible.</source>
        <translation>Elegible.</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="279"/>
        <source>Not eligible.</source>
        <translation>No es elegible.</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="280"/>
        <source>Recorded.</source>
        <translation>Registrado.</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="280"/>
        <source>Not recorded yet.</source>
        <translation>Aún no registrado.</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="289"/>
        <location filename="../wizard_eligibility_page.py" line="298"/>
        <source>&amp;Next: record the outcome</source>
        <translation>&amp;Siguiente: registrar el resultado</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="294"/>
        <source>&amp;Record the attestation</source>
        <translation>&amp;Registrar la declaración</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="295"/>
        <source>&amp;Record and continue</source>
        <translation>&amp;Registrar y continuar</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="297"/>
        <source>&amp;Next: background and goals</source>
        <translation>&amp;Siguiente: experiencia y metas</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="361"/>
        <source>Recording the attestation…</source>
        <translation>Registrando la declaración…</translation>
    </message>
</context>
<context>
    <name>FindStep</name>
    <message>
        <location filename="../wizard_find_page.py" line="24"/>
        <source>Ask for the job seeker&apos;s name, e-mail or phone. If they are not in the list, register them.</source>
        <translation>Pida el nombre, el correo electrónico o el teléfono de la persona. Si no está en la lista, regístrela.</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="28"/>
        <location filename="../wizard_find_page.py" line="49"/>
        <source>Find or register</source>
        <translation>Buscar o registrar</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="33"/>
        <source>Find someone re&amp;gistered</source>
        <translation>Buscar a alguien re&amp;gistrado</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="40"/>
        <source>Register someone ne&amp;w</source>
        <translation>Registrar a alguien nue&amp;vo</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="62"/>
        <source>&amp;Register and continue</source>
        <translation>&amp;Registrar y continuar</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="63"/>
        <source>&amp;Continue with the selected person</source>
        <translation>&amp;Continuar con la persona elegida</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="73"/>
        <source>This appointment is with {name}. Pick someone else only if that was a mistake.</source>
        <translation>Esta cita es con {name}. Elija a otra persona solo si fue un error.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../first_run_dialog.py" line="30"/>
        <source>Counselor</source>
        <translation>Consejero/a</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="31"/>
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="32"/>
        <source>Program administrator</source>
        <translation>Administrador/a del programa</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="40"/>
        <source>Welcome to Counselor Desk</source>
        <translation>Bienvenido a Counselor Desk</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="42"/>
        <source>Set up this desk</source>
        <translation>Configure este escritorio</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="44"/>
        <source>Counselor Desk records who issued each license and where. Enter your agency, your career center and your name. You can change them later in Settings.</source>
        <translation>Counselor Desk registra quién emitió cada licencia y dónde. Indique su agencia, su centro de empleo y su nombre. Puede cambiarlos después en Configuración.</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="60"/>
        <source>e.g. MassHire Boston Career Center</source>
        <translation>p. ej., MassHire Boston Career Center</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="63"/>
        <source>Your name as colleagues know it</source>
        <translation>Su nombre como lo conocen sus colegas</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="73"/>
        <source>&amp;Agency</source>
        <translation>&amp;Agencia</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="73"/>
        <source>&amp;Career center</source>
        <translation>&amp;Centro de empleo</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="74"/>
        <source>Your &amp;name</source>
        <translation>Su &amp;nombre</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="74"/>
        <source>&amp;Role</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="75"/>
        <source>&amp;Language of the app</source>
        <translation>&amp;Idioma de la aplicación</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="85"/>
        <source>&amp;Start</source>
        <translation>&amp;Comenzar</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="87"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="96"/>
        <source>Enter the career center and your name.</source>
        <translation>Indique el centro de empleo y su nombre.</translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message>
        <location filename="../sync_page.py" line="72"/>
        <source>Fix and resend</source>
        <translation>Corregir y reenviar</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="79"/>
        <source>The agency server did not accept this change: {reason}</source>
        <translation>El servidor de la agencia no aceptó este cambio: {reason}</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="80"/>
        <source>no reason given</source>
        <translation>no indicó el motivo</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="97"/>
        <source>The corrected values are saved on this device too, then the change is sent again.</source>
        <translation>Los valores corregidos también se guardan en este equipo y luego el cambio se envía de nuevo.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="100"/>
        <source>&amp;Save and resend</source>
        <translation>&amp;Guardar y reenviar</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="101"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
<context>
    <name>FrontDeskPanel</name>
    <message>
        <location filename="../front_desk_panel.py" line="38"/>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="49"/>
        <source>Waiting list</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="53"/>
        <source>&amp;Start the appointment</source>
        <translation>&amp;Comenzar la cita</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="56"/>
        <source>L&amp;eft without being seen</source>
        <translation>S&amp;e fue sin ser atendido</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="69"/>
        <source>Booked and due today</source>
        <translation>Con cita para hoy</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="73"/>
        <source>Arrived: &amp;check in</source>
        <translation>Llegó: &amp;registrar llegada</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="85"/>
        <source>Name of a walk-in who just arrived</source>
        <translation>Nombre de una persona sin cita que acaba de llegar</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="86"/>
        <source>Walk-in&apos;s name</source>
        <translation>Nombre de la persona sin cita</translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="88"/>
        <source>Check in the wal&amp;k-in</source>
        <translation>Registrar a la persona sin &amp;cita</translation>
    </message>
    <message numerus="yes">
        <location filename="../front_desk_panel.py" line="137"/>
        <source>&lt;b&gt;Waiting&lt;/b&gt; — %n person(s)</source>
        <translation>
            <numerusform>&lt;b&gt;En espera&lt;/b&gt; — %n persona</numerusform>
            <numerusform>&lt;b&gt;En espera&lt;/b&gt; — %n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../front_desk_panel.py" line="138"/>
        <source>&lt;b&gt;Booked, still to come today&lt;/b&gt; — %n</source>
        <translation>
            <numerusform>&lt;b&gt;Con cita, por llegar hoy&lt;/b&gt; — %n</numerusform>
            <numerusform>&lt;b&gt;Con cita, por llegar hoy&lt;/b&gt; — %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../front_desk_panel.py" line="140"/>
        <source>Today: {seen} called in, median wait {wait:.0f} min</source>
        <translation>Hoy: {seen} atendidos, espera mediana {wait:.0f} min</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../history_panel.py" line="38"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="39"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="39"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="39"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="54"/>
        <source>No one selected.</source>
        <translation>No hay nadie seleccionado.</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="57"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="79"/>
        <source>Licenses</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="82"/>
        <source>Invitation to {email}</source>
        <translation>Invitación a {email}</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="83"/>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="88"/>
        <source>Eligibility attestations</source>
        <translation>Declaraciones de elegibilidad</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="90"/>
        <source>Eligible</source>
        <translation>Elegible</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="90"/>
        <source>Not eligible</source>
        <translation>No elegible</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="92"/>
        <source>Learning plans</source>
        <translation>Planes de aprendizaje</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="96"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="98"/>
        <source>Course progress</source>
        <translation>Avance en los cursos</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="100"/>
        <source>completed</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="100"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="102"/>
        <source>{hours:.1f} hours, {state}</source>
        <translation>{hours:.1f} horas, {state}</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="105"/>
        <source>Outcomes for the state&apos;s system</source>
        <translation>Resultados para el sistema del estado</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="108"/>
        <source>(entered)</source>
        <translation>(registrado)</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="109"/>
        <source>(accepted)</source>
        <translation>(aceptado)</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="110"/>
        <source>(rejected)</source>
        <translation>(rechazado)</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="110"/>
        <source>(proposed)</source>
        <translation>(propuesto)</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="112"/>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="114"/>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="114"/>
        <source>outcome unknown</source>
        <translation>resultado desconocido</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="115"/>
        <source>could not be delivered</source>
        <translation>no se pudo entregar</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="116"/>
        <source>to be tried again</source>
        <translation>se intentará de nuevo</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="117"/>
        <source>in the texts file</source>
        <translation>en el archivo de mensajes de texto</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="118"/>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="118"/>
        <source>text message</source>
        <translation>mensaje de texto</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="120"/>
        <source>{channel}: {state}</source>
        <translation>{channel}: {state}</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="127"/>
        <source>Has a license: {status} on {date}.</source>
        <translation>Tiene licencia: {status} el {date}.</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="130"/>
        <source>No license yet.</source>
        <translation>Todavía no tiene licencia.</translation>
    </message>
</context>
<context>
    <name>ImportCampaignDialog</name>
    <message>
        <location filename="../campaign_page.py" line="63"/>
        <source>Import a customer list</source>
        <translation>Importar una lista de clientes</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="68"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="72"/>
        <source>&amp;File (CSV or Excel)</source>
        <translation>&amp;Archivo (CSV o Excel)</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="75"/>
        <source>e.g. RESEA attendees since March 2020</source>
        <translation>p. ej., participantes de RESEA desde marzo de 2020</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="76"/>
        <source>Campaign &amp;name</source>
        <translation>&amp;Nombre de la campaña</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="79"/>
        <source>What the invitation is about</source>
        <translation>De qué trata la invitación</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="80"/>
        <source>&amp;Purpose</source>
        <translation>&amp;Propósito</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="87"/>
        <source>Customer list</source>
        <translation>Lista de clientes</translation>
    </message>
    <message>
        <location filename="../campaign_page.py" line="88"/>
        <source>Customer lists (*.csv *.xlsx *.txt)</source>
        <translation>Listas de clientes (*.csv *.xlsx *.txt)</translation>
    </message>
</context>
<context>
    <name>JobSeekerForm</name>
    <message>
        <location filename="../job_seeker_form.py" line="87"/>
        <source>&amp;First name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="87"/>
        <source>&amp;Last name</source>
        <translation>&amp;Apellido</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="88"/>
        <source>&amp;E-mail</source>
        <translation>C&amp;orreo electrónico</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="88"/>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="88"/>
        <source>&amp;ZIP code</source>
        <translation>Código &amp;postal</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="89"/>
        <source>Date of &amp;birth</source>
        <translation>Fecha de naci&amp;miento</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="89"/>
        <source>Preferred la&amp;nguage</source>
        <translation>Idioma p&amp;referido</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="90"/>
        <source>{cms} i&amp;d</source>
        <translation>&amp;Id. de {cms}</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="91"/>
        <source>Employment stat&amp;us</source>
        <translation>Situación la&amp;boral</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="92"/>
        <source>&amp;Cause of unemployment</source>
        <translation>&amp;Causa del desempleo</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="92"/>
        <source>U&amp;I claimant</source>
        <translation>Reclamo de &amp;UI</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="93"/>
        <source>&amp;Return-to-work date</source>
        <translation>Fecha de &amp;regreso al trabajo</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="94"/>
        <source>C&amp;onsent</source>
        <translation>Con&amp;sentimiento</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="95"/>
        <source>Reminders by te&amp;xt</source>
        <translation>Recordatorios por te&amp;xto</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="96"/>
        <source>Last &amp;occupation</source>
        <translation>Última &amp;ocupación</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="96"/>
        <source>Last &amp;job title</source>
        <translation>Último &amp;puesto</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="97"/>
        <source>&amp;Goal occupation</source>
        <translation>Ocupación &amp;meta</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="97"/>
        <source>&amp;Interests</source>
        <translation>&amp;Intereses</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="98"/>
        <source>&amp;Education</source>
        <translation>&amp;Educación</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="98"/>
        <source>&amp;Digital skills</source>
        <translation>Habilidades &amp;digitales</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="99"/>
        <source>&amp;Hours a week</source>
        <translation>&amp;Horas por semana</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="99"/>
        <source>&amp;Barriers</source>
        <translation>&amp;Barreras</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="121"/>
        <source>Type a job title or a SOC code, e.g. 41-2031</source>
        <translation>Escriba un puesto o un código SOC, p. ej., 41-2031</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="156"/>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="158"/>
        <source>(617) 555-0123</source>
        <translation>(617) 555-0123</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="160"/>
        <source>02108</source>
        <translation>02108</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="162"/>
        <source>MM/DD/YYYY</source>
        <translation>MM/DD/AAAA</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="164"/>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="166"/>
        <source>e.g. Front desk clerk</source>
        <translation>p. ej., recepcionista</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="168"/>
        <source>e.g. computers, health care, bookkeeping (separate with commas)</source>
        <translation>p. ej., computadoras, salud, contabilidad (separe con comas)</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="172"/>
        <location filename="../job_seeker_form.py" line="174"/>
        <location filename="../job_seeker_form.py" line="176"/>
        <location filename="../job_seeker_form.py" line="178"/>
        <location filename="../job_seeker_form.py" line="180"/>
        <location filename="../job_seeker_form.py" line="184"/>
        <source>— not asked yet —</source>
        <translation>— aún no se preguntó —</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="178"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="178"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="185"/>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="191"/>
        <source>Agrees to be contacted about this program</source>
        <translation>Acepta que la contacten sobre este programa</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="195"/>
        <source>Prefers text messages to e-mail for reminders</source>
        <translation>Prefiere mensajes de texto en lugar de correo para los recordatorios</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="226"/>
        <source>Problem with {field}</source>
        <translation>Problema con {field}</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="247"/>
        <source>Use the suggested e-mail address</source>
        <translation>Usar la dirección sugerida</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="281"/>
        <source>⚠ Did you mean {email}? Use i&amp;t</source>
        <translation>⚠ ¿Quiso decir {email}? Usar&amp;lo</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="282"/>
        <source>Replace the address with {email} (Alt+T)</source>
        <translation>Reemplazar la dirección por {email} (Alt+L)</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="284"/>
        <source>Use the suggested e-mail address {email}</source>
        <translation>Usar la dirección sugerida {email}</translation>
    </message>
</context>
<context>
    <name>JobSeekerSearchWidget</name>
    <message>
        <location filename="../job_seeker_search_widget.py" line="62"/>
        <source>Sea&amp;rch:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="65"/>
        <source>Name, e-mail, phone or agency id</source>
        <translation>Nombre, correo, teléfono o n.º de la agencia</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="66"/>
        <source>Search job seekers</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="67"/>
        <source>Type to search; Down arrow moves to the results, Enter opens.</source>
        <translation>Escriba para buscar; la flecha abajo va a los resultados y Enter abre.</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="73"/>
        <source>Number of results</source>
        <translation>Cantidad de resultados</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="81"/>
        <source>Job seekers found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message numerus="yes">
        <location filename="../job_seeker_search_widget.py" line="147"/>
        <source>first %n shown</source>
        <translation>
            <numerusform>se muestra el primero</numerusform>
            <numerusform>se muestran los primeros %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../job_seeker_search_widget.py" line="147"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n encontrada</numerusform>
            <numerusform>%n encontradas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobSeekerTableModel</name>
    <message>
        <location filename="../job_seeker_table_model.py" line="32"/>
        <source>Name</source>
        <extracomment>Role giving the row&apos;s job-seeker id (for opening the record).</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="35"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="37"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="38"/>
        <source>ZIP</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="39"/>
        <source>Agency id</source>
        <translation>N.º de la agencia</translation>
    </message>
</context>
<context>
    <name>JobSeekersPage</name>
    <message>
        <location filename="../job_seekers_page.py" line="38"/>
        <source>Job seekers</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="40"/>
        <source>Register someone who is not in the list</source>
        <translation>Registrar a alguien que no está en la lista</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="56"/>
        <source>Select someone, or register a new job seeker</source>
        <translation>Elija a alguien o registre a una persona nueva</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="62"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="39"/>
        <source>Ne&amp;w job seeker</source>
        <translation>Nue&amp;va persona</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="68"/>
        <source>De&amp;tails</source>
        <translation>&amp;Ficha</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="70"/>
        <source>Histor&amp;y</source>
        <translation>Historia&amp;l</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="73"/>
        <source>Start &amp;appointment</source>
        <translation>Empe&amp;zar la cita</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="74"/>
        <source>Start an appointment with this job seeker</source>
        <translation>Iniciar una cita con esta persona</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="76"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="138"/>
        <source>New job seeker</source>
        <translation>Persona nueva</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="155"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>LicenseStep</name>
    <message>
        <location filename="../wizard_license_page.py" line="38"/>
        <source>Turn the screen toward the job seeker and ask them to read the address back. The invitation from {sender} goes to this address.</source>
        <translation>Gire la pantalla hacia la persona y pídale que lea la dirección en voz alta. La invitación de {sender} llega a esta dirección.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="43"/>
        <source>E-mail address for the invitation</source>
        <translation>Correo electrónico para la invitación</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="63"/>
        <source>Use the suggested e-mail address</source>
        <translation>Usar la dirección sugerida</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="66"/>
        <source>&amp;Fix the address</source>
        <translation>Co&amp;rregir la dirección</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="72"/>
        <source>Corrected e-mail address</source>
        <translation>Correo electrónico corregido</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="75"/>
        <source>Sa&amp;ve address</source>
        <translation>Guardar &amp;dirección</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="84"/>
        <source>The job seeker &amp;confirmed that this address is correct</source>
        <translation>La persona &amp;confirmó que la dirección es correcta</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="161"/>
        <source>Tell the job seeker:</source>
        <translation>Dígale a la persona:</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="155"/>
        <source>Accept the invitation and enroll by {date}.</source>
        <translation>Acepte la invitación e inscríbase antes del {date}.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="157"/>
        <source>Finish the courses by {date}; access ends after that.</source>
        <translation>Termine los cursos antes del {date}; después se acaba el acceso.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="159"/>
        <source>The invitation e-mail comes from {sender} within a few days.</source>
        <translation>El correo de invitación llega de {sender} en unos días.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="107"/>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="115"/>
        <source>&amp;Next: summary and handout</source>
        <translation>&amp;Siguiente: resumen y hoja para llevar</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="117"/>
        <source>&amp;Next: record the outcome</source>
        <translation>&amp;Siguiente: registrar el resultado</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="118"/>
        <source>&amp;Issue the license</source>
        <translation>&amp;Emitir la licencia</translation>
    </message>
    <message numerus="yes">
        <location filename="../wizard_license_page.py" line="201"/>
        <source>This device can issue %n more license(s) before it needs to sync.</source>
        <translation>
            <numerusform>Este equipo puede emitir %n licencia más antes de sincronizar.</numerusform>
            <numerusform>Este equipo puede emitir %n licencias más antes de sincronizar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="204"/>
        <source>This device has used its block of licenses: this one will be recorded as pending approval and confirmed after the next sync.</source>
        <translation>Este equipo usó su bloque de licencias: esta quedará pendiente de aprobación y se confirmará después de la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="210"/>
        <source>(no e-mail address on file)</source>
        <translation>(no hay correo electrónico registrado)</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="215"/>
        <source>⚠ This address looks mistyped. Did you mean {email}? Check with the job seeker.</source>
        <translation>⚠ Esta dirección parece tener un error. ¿Quiso decir {email}? Confírmelo con la persona.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="217"/>
        <source>&amp;Use {email}</source>
        <translation>&amp;Usar {email}</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="308"/>
        <source>Issuing the license…</source>
        <translation>Emitiendo la licencia…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../session_lock.py" line="116"/>
        <source>Counselors on this computer</source>
        <translation>Consejeros en esta computadora</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="122"/>
        <source>PIN or password</source>
        <translation>PIN o contraseña</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="127"/>
        <source>The same PIN or password again</source>
        <translation>El mismo PIN o contraseña otra vez</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="137"/>
        <source>Another counselor…</source>
        <translation>Otro consejero…</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="147"/>
        <source>&amp;PIN or password</source>
        <translation>&amp;PIN o contraseña</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="149"/>
        <source>&amp;Again, to be sure</source>
        <translation>&amp;Otra vez, para confirmar</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="170"/>
        <source>Counselor Desk is locked</source>
        <translation>Counselor Desk está bloqueado</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="171"/>
        <source>{name} — {center}. Enter your PIN or password to go on where you left off.</source>
        <translation>{name} — {center}. Escriba su PIN o contraseña para seguir donde se quedó.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="173"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="179"/>
        <source>Sign in to Counselor Desk</source>
        <translation>Iniciar sesión en Counselor Desk</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="180"/>
        <source>{center}. Choose your name and enter your PIN or password.</source>
        <translation>{center}. Elija su nombre y escriba su PIN o contraseña.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="182"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="196"/>
        <source>Choose your PIN or password</source>
        <translation>Elija su PIN o contraseña</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="197"/>
        <source>{name}, Counselor Desk locks itself when this computer is left alone and asks for it to open again. Use at least 6 digits, or a password of at least 8 characters.</source>
        <translation>{name}, Counselor Desk se bloquea cuando esta computadora se queda sola y lo pide para abrirse de nuevo. Use al menos 6 dígitos, o una contraseña de al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="200"/>
        <source>&amp;Save and go on</source>
        <translation>&amp;Guardar y seguir</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="235"/>
        <source>The two entries are not the same. Type them again.</source>
        <translation>Las dos entradas no coinciden. Escríbalas de nuevo.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="243"/>
        <source>Enter your PIN or password.</source>
        <translation>Escriba su PIN o contraseña.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="258"/>
        <source>That is not the right PIN or password.</source>
        <translation>Ese no es el PIN o la contraseña correctos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../session_lock.py" line="275"/>
        <source>That is not the right PIN or password. Too many tries: wait %n second(s).</source>
        <translation>
            <numerusform>Ese no es el PIN o la contraseña correctos. Demasiados intentos: espere %n segundo.</numerusform>
            <numerusform>Ese no es el PIN o la contraseña correctos. Demasiados intentos: espere %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../session_lock.py" line="277"/>
        <source>Too many wrong tries: wait %n second(s).</source>
        <translation>
            <numerusform>Demasiados intentos fallidos: espere %n segundo.</numerusform>
            <numerusform>Demasiados intentos fallidos: espere %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="282"/>
        <source>A PIN needs at least 6 digits.</source>
        <translation>Un PIN necesita al menos 6 dígitos.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="283"/>
        <source>That PIN is too easy to guess (one digit repeated, or a run like 123456).</source>
        <translation>Ese PIN es demasiado fácil de adivinar (un dígito repetido, o una serie como 123456).</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="284"/>
        <source>A password needs at least 8 characters.</source>
        <translation>Una contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="286"/>
        <source>That PIN or password cannot be used.</source>
        <translation>Ese PIN o contraseña no se puede usar.</translation>
    </message>
</context>
<context>
    <name>MailRelayDialog</name>
    <message>
        <location filename="../mail_relay_dialog.py" line="28"/>
        <source>Mail relay for reminders</source>
        <translation>Servidor de correo para los recordatorios</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="32"/>
        <source>&amp;Relay host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="36"/>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="38"/>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (normalmente el puerto 587)</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="39"/>
        <source>TLS (usually port 465)</source>
        <translation>TLS (normalmente el puerto 465)</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="40"/>
        <source>None (a relay on this computer only)</source>
        <translation>Ninguna (solo un servidor en esta computadora)</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="42"/>
        <source>&amp;Security:</source>
        <translation>Se&amp;guridad:</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="44"/>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="47"/>
        <source>Leave empty to keep the saved password</source>
        <translation>Déjela vacía para conservar la contraseña guardada</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="48"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="51"/>
        <source>Sender &amp;address:</source>
        <translation>&amp;Dirección del remitente:</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="53"/>
        <source>Sender &amp;name:</source>
        <translation>&amp;Nombre del remitente:</translation>
    </message>
    <message>
        <location filename="../mail_relay_dialog.py" line="57"/>
        <source>Not the same reminder again within (&amp;days):</source>
        <translation>No repetir el mismo recordatorio antes de (dí&amp;as):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="171"/>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <location filename="../main_window.py" line="229"/>
        <source>Opening your records…</source>
        <translation>Abriendo sus registros…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312"/>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="313"/>
        <source>&amp;Job seekers</source>
        <translation>&amp;Personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315"/>
        <source>&amp;Catalog</source>
        <translation>&amp;Catálogo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="316"/>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="317"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="319"/>
        <source>After the a&amp;ppointment</source>
        <translation>Después de la &amp;cita</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="320"/>
        <source>After the appointment</source>
        <translation>Después de la cita</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="322"/>
        <source>S&amp;ync</source>
        <translation>&amp;Sincronizar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="324"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="327"/>
        <source>&amp;Outreach</source>
        <translation>&amp;Alcance</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="328"/>
        <source>Ca&amp;lendar</source>
        <translation>Ca&amp;lendario</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="338"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339"/>
        <source>&amp;New walk-in appointment</source>
        <translation>&amp;Nueva cita sin turno</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="341"/>
        <source>Start an appointment with a job seeker (Ctrl+N)</source>
        <translation>Iniciar una cita con una persona (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="351"/>
        <source>Current &amp;appointment</source>
        <translation>&amp;Cita en curso</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="365"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="366"/>
        <source>&amp;About Counselor Desk</source>
        <translation>&amp;Acerca de Counselor Desk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="383"/>
        <source>Current appointment</source>
        <translation>Cita en curso</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384"/>
        <source>Back to the appointment in progress (Ctrl+0)</source>
        <translation>Volver a la cita en curso (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="558"/>
        <source>Counselor Desk — {center} — {counselor}</source>
        <translation>Counselor Desk — {center} — {counselor}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="559"/>
        <source>not set up</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="561"/>
        <source>[DEMO] </source>
        <translation>[DEMO] </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="567"/>
        <source>Demo data: synthetic people, thrown away when the app closes.</source>
        <translation>Datos de demostración: personas ficticias que se borran al cerrar la aplicación.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="647"/>
        <location filename="../main_window.py" line="650"/>
        <source>About Counselor Desk</source>
        <translation>Acerca de Counselor Desk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="651"/>
        <source>Counselor Desk {version}

Agency: {agency}
Program: {program}
Data folder: {folder}</source>
        <translation>Counselor Desk {version}

Agencia: {agency}
Programa: {program}
Carpeta de datos: {folder}</translation>
    </message>
</context>
<context>
    <name>MissingModulePage</name>
    <message>
        <location filename="../main_window.py" line="115"/>
        <source>{title} is not installed in this build ({module}).</source>
        <extracomment>The smallest the window may be made, the same whichever pages were opened (a stacked page&apos;s minimum would otherwise grow the window&apos;s as pages are first shown): every page and wizard step, in English and Spanish, fits it without overlapping or sideways scrolling (tests/ui/test_laptop_screens.py), and it fits the smallest screen we support (1280x720, or 1920x1080 at 150 %).</extracomment>
        <translation>{title} no está instalado en esta versión ({module}).</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <location filename="../outbox_table_model.py" line="37"/>
        <source>Conflict: choose a version</source>
        <translation>Conflicto: elija una versión</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="38"/>
        <source>Set aside: needs a fix</source>
        <translation>Apartado: requiere corrección</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="39"/>
        <source>Waiting to be sent</source>
        <translation>Por enviar</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="43"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="44"/>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="45"/>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="49"/>
        <source>Job seeker</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="50"/>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="51"/>
        <source>Eligibility attestation</source>
        <translation>Declaración de elegibilidad</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="52"/>
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="53"/>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="54"/>
        <source>Case-management service</source>
        <translation>Servicio en el sistema de casos</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="55"/>
        <source>Case note</source>
        <translation>Nota del caso</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="63"/>
        <source>{kind}: {person}</source>
        <translation>{kind}: {person}</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="65"/>
        <source>{kind} of {when}</source>
        <translation>{kind} del {when}</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="79"/>
        <source>Someone else changed this record first: choose a version</source>
        <translation>Otra persona cambió este registro antes: elija una versión</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="81"/>
        <source>The agency server found a mistake in this record: fix it</source>
        <translation>El servidor de la agencia encontró un error en este registro: corríjalo</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="83"/>
        <source>The agency&apos;s rules do not allow this change</source>
        <translation>Las reglas de la agencia no permiten este cambio</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="84"/>
        <source>Another desk also issued this person a license: choose which one stays</source>
        <translation>Otro escritorio también emitió una licencia a esta persona: elija cuál se conserva</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="86"/>
        <source>Your account may not send this change</source>
        <translation>Su cuenta no puede enviar este cambio</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="87"/>
        <source>The agency server does not have the record this change is for</source>
        <translation>El servidor de la agencia no tiene el registro al que corresponde este cambio</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="89"/>
        <source>The agency server does not take this kind of record yet</source>
        <translation>El servidor de la agencia todavía no acepta este tipo de registro</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="91"/>
        <source>This change was already sent with different content</source>
        <translation>Este cambio ya se envió con otro contenido</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="94"/>
        <source>The agency server could not read this change</source>
        <translation>El servidor de la agencia no pudo leer este cambio</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="95"/>
        <source>The agency server did not accept this change</source>
        <translation>El servidor de la agencia no aceptó este cambio</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="112"/>
        <source>The agency server said: “{reason}”</source>
        <translation>El servidor de la agencia respondió: «{reason}»</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="119"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="121"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="122"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="124"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="126"/>
        <source>Tries</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="128"/>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../outbox_table_model.py" line="93"/>
        <location filename="../outbox_table_model.py" line="101"/>
        <source>Waits for an earlier change to this record</source>
        <translation>Espera un cambio anterior de este registro</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <location filename="../outcomes_page.py" line="50"/>
        <source>Proposed</source>
        <translation>Propuesto</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="50"/>
        <location filename="../outcomes_page.py" line="179"/>
        <source>Accepted, not yet entered</source>
        <translation>Aceptado, aún sin registrar</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="51"/>
        <location filename="../outcomes_page.py" line="181"/>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="51"/>
        <location filename="../outcomes_page.py" line="180"/>
        <source>Entered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="55"/>
        <source>Course completed</source>
        <translation>Curso terminado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="55"/>
        <source>Credential earned</source>
        <translation>Credencial obtenida</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="56"/>
        <source>Skill gain</source>
        <translation>Avance de habilidades</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="56"/>
        <source>Service closed</source>
        <translation>Servicio cerrado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="60"/>
        <source>Invited, not joined</source>
        <translation>Invitadas, sin unirse</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="60"/>
        <source>Invitation not received</source>
        <translation>Invitación no recibida</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="61"/>
        <source>Joined, no course</source>
        <translation>Se unieron, sin curso</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="61"/>
        <source>Inactive</source>
        <translation>Inactivas</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="62"/>
        <source>Completion deadline near</source>
        <translation>Fecha límite cercana</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="73"/>
        <location filename="../outcomes_page.py" line="94"/>
        <location filename="../outcomes_page.py" line="114"/>
        <source>Job seeker</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="74"/>
        <source>Customer ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="75"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="76"/>
        <source>Course or credential</source>
        <translation>Curso o credencial</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="77"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="78"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="90"/>
        <source>Could not be delivered</source>
        <translation>No se pudo entregar</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="91"/>
        <source>Will be tried in the next send</source>
        <translation>Se intentará en el próximo envío</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="92"/>
        <source>Outcome unknown (the app stopped while sending)</source>
        <translation>Resultado desconocido (la aplicación se detuvo durante el envío)</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="95"/>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="96"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="97"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="98"/>
        <source>Mail server&apos;s answer</source>
        <translation>Respuesta del servidor de correo</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="109"/>
        <source>Waiting for a newer usage report</source>
        <translation>Espera un informe de uso más reciente</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="110"/>
        <source>Ready for the next removal file</source>
        <translation>Lista para el próximo archivo de bajas</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="111"/>
        <source>In a removal file</source>
        <translation>En un archivo de bajas</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="115"/>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="116"/>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="117"/>
        <source>Needs a report imported after</source>
        <translation>Necesita un informe importado después del</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="119"/>
        <source>State</source>
        <translation>Situación</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="153"/>
        <source>After the appointment</source>
        <translation>Después de la cita</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="162"/>
        <source>&amp;Outcomes</source>
        <translation>&amp;Resultados</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="163"/>
        <source>&amp;Reminders</source>
        <translation>Re&amp;cordatorios</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="164"/>
        <source>Re&amp;movals</source>
        <translation>&amp;Bajas</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="173"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="176"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="178"/>
        <source>Waiting for review</source>
        <translation>Pendientes de revisión</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="182"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="186"/>
        <source>&amp;Propose from progress</source>
        <translation>&amp;Proponer a partir del progreso</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="187"/>
        <source>Look at the imported progress again for new outcomes</source>
        <translation>Revisar de nuevo el progreso importado en busca de resultados nuevos</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="198"/>
        <source>Outcomes</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="212"/>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="213"/>
        <source>Accept the selected outcomes</source>
        <translation>Aceptar los resultados seleccionados</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="215"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="215"/>
        <source>Correct the date or the name</source>
        <translation>Corregir la fecha o el nombre</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="217"/>
        <source>Re&amp;ject…</source>
        <translation>Rec&amp;hazar…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="217"/>
        <source>Reject with a reason</source>
        <translation>Rechazar indicando el motivo</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="222"/>
        <source>E&amp;xport for data entry…</source>
        <translation>E&amp;xportar para registrar…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="223"/>
        <source>Accepted outcomes not yet entered, in the state&apos;s columns</source>
        <translation>Resultados aceptados aún sin registrar, con las columnas del estado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="225"/>
        <source>&amp;Confirm entered…</source>
        <translation>&amp;Confirmar registrados…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="226"/>
        <source>Mark the outcomes of an exported sheet as entered</source>
        <translation>Marcar como registrados los resultados de una hoja exportada</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="262"/>
        <source>{licensed} job seekers with a license: {participants} WIOA participants, {reportable} reportable individuals. Outcomes accepted: {accepted}; entered in {system}: {entered}.</source>
        <translation>{licensed} personas con licencia: {participants} participantes de WIOA, {reportable} personas reportables. Resultados aceptados: {accepted}; registrados en {system}: {entered}.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="288"/>
        <source>{n} new outcome proposals.</source>
        <translation>{n} propuestas de resultados nuevas.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="289"/>
        <source>Looking at the progress…</source>
        <translation>Revisando el progreso…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="297"/>
        <location filename="../outcomes_page.py" line="323"/>
        <source>Select one or more proposed outcomes first.</source>
        <translation>Primero seleccione uno o más resultados propuestos.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="300"/>
        <source>{n} outcomes accepted.</source>
        <translation>{n} resultados aceptados.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="308"/>
        <source>Select one outcome to correct.</source>
        <translation>Seleccione un resultado para corregirlo.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="316"/>
        <source>Outcome corrected.</source>
        <translation>Resultado corregido.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="325"/>
        <location filename="../outcomes_page.py" line="329"/>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="325"/>
        <source>Why is this not an outcome to enter?</source>
        <translation>¿Por qué no se debe registrar este resultado?</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="329"/>
        <source>Give the reason; it is kept in the record.</source>
        <translation>Indique el motivo; se guarda en el registro.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="333"/>
        <source>{n} outcomes rejected.</source>
        <translation>{n} resultados rechazados.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="338"/>
        <source>Save the data-entry sheet</source>
        <translation>Guardar la hoja para registrar</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="339"/>
        <location filename="../outcomes_page.py" line="354"/>
        <location filename="../outcomes_page.py" line="487"/>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="349"/>
        <source>{n} accepted outcomes written to {path}. Enter them in the state&apos;s system, then choose Confirm entered.</source>
        <translation>{n} resultados aceptados guardados en {path}. Regístrelos en el sistema del estado y luego elija Confirmar registrados.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="353"/>
        <source>The sheet whose outcomes are entered</source>
        <translation>La hoja cuyos resultados ya están registrados</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="363"/>
        <source>{n} outcomes marked as entered.</source>
        <translation>{n} resultados marcados como registrados.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="371"/>
        <source>Reminders go by e-mail through the agency&apos;s mail relay, in each person&apos;s language, only to people who agreed to be contacted, and never twice within the set number of days. People who prefer text messages go into a file for the texting tool.</source>
        <translation>Los recordatorios se envían por correo electrónico a través del servidor de correo de la agencia, en el idioma de cada persona, solo a quienes aceptaron ser contactados y nunca dos veces dentro del número de días fijado. Las personas que prefieren mensajes de texto van a un archivo para la herramienta de mensajes de texto.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="378"/>
        <source>&amp;Reminder:</source>
        <translation>&amp;Recordatorio:</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="381"/>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="382"/>
        <source>&amp;Days:</source>
        <translation>&amp;Días:</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="385"/>
        <source>&amp;Preview and send…</source>
        <translation>&amp;Vista previa y envío…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="386"/>
        <source>See the count and the first messages first</source>
        <translation>Ver primero cuántos se enviarán y los primeros mensajes</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="390"/>
        <source>&amp;Mail relay…</source>
        <translation>Servidor de &amp;correo…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="391"/>
        <source>The agency&apos;s mail server that sends the reminders</source>
        <translation>El servidor de correo de la agencia que envía los recordatorios</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="396"/>
        <source>Sends that need attention:</source>
        <translation>Envíos que requieren atención:</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="399"/>
        <source>Sends that need attention</source>
        <translation>Envíos que requieren atención</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="452"/>
        <source>Revoked and inactivated licenses go into a removal file for the provider. A learner removed at the provider drops out of its reports, so each person waits until a usage report made after their last activity has been imported; their progress stays on the desk.</source>
        <translation>Las licencias revocadas e inactivadas van a un archivo de bajas para el proveedor. Quien se da de baja en el proveedor desaparece de sus informes, así que cada persona espera hasta que se haya importado un informe de uso hecho después de su última actividad; su progreso se conserva en el escritorio.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="456"/>
        <source>&amp;Write removal file…</source>
        <translation>&amp;Guardar archivo de bajas…</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="465"/>
        <source>Revoked and inactivated licenses</source>
        <translation>Licencias revocadas e inactivadas</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="486"/>
        <source>Save the removal file</source>
        <translation>Guardar el archivo de bajas</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="497"/>
        <source>{n} learners written to {path}.</source>
        <translation>{n} estudiantes guardados en {path}.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="498"/>
        <source>Nobody is ready for removal; no file was written.</source>
        <translation>Nadie está listo para la baja; no se guardó ningún archivo.</translation>
    </message>
    <message>
        <location filename="../outcomes_page.py" line="500"/>
        <source>{n} wait for a newer usage report: {names}.</source>
        <translation>{n} esperan un informe de uso más reciente: {names}.</translation>
    </message>
</context>
<context>
    <name>Outreach</name>
    <message>
        <location filename="../outreach_table_models.py" line="25"/>
        <source>Not contacted</source>
        <translation>Sin contactar</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="26"/>
        <source>No answer</source>
        <translation>No contestó</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="27"/>
        <source>Left a message</source>
        <translation>Mensaje dejado</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="28"/>
        <source>E-mailed</source>
        <translation>Correo enviado</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="29"/>
        <source>Reached</source>
        <translation>Contactada</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="30"/>
        <location filename="../outreach_table_models.py" line="85"/>
        <source>Declined</source>
        <translation>Rechazó</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="31"/>
        <location filename="../outreach_table_models.py" line="83"/>
        <source>Appointment set</source>
        <translation>Cita reservada</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="35"/>
        <source>Found a job</source>
        <translation>Encontró trabajo</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="36"/>
        <source>Not interested</source>
        <translation>No le interesa</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="37"/>
        <source>No time now</source>
        <translation>No tiene tiempo ahora</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="38"/>
        <source>No computer or internet</source>
        <translation>Sin computadora o internet</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="39"/>
        <source>Moved away</source>
        <translation>Se mudó</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="40"/>
        <source>Wrong phone or e-mail</source>
        <translation>Teléfono o correo equivocado</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="41"/>
        <source>Asked not to be contacted</source>
        <translation>Pidió que no se le contacte</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="42"/>
        <source>Other reason</source>
        <translation>Otro motivo</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="46"/>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="47"/>
        <source>Outreach event</source>
        <translation>Evento comunitario</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="48"/>
        <location filename="../outreach_table_models.py" line="135"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="49"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="54"/>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="59"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="81"/>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="82"/>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="57"/>
        <location filename="../outreach_table_models.py" line="84"/>
        <source>Served</source>
        <translation>Atendida</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="55"/>
        <source>Checked in</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="56"/>
        <source>In appointment</source>
        <translation>En la cita</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="58"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="65"/>
        <source>double-booked: the counselor has another appointment at this time</source>
        <translation>reserva doble: el consejero tiene otra cita a esta hora</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="89"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="90"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="91"/>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="92"/>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="93"/>
        <source>Haitian Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="94"/>
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="95"/>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="96"/>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="97"/>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="98"/>
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="99"/>
        <source>Tagalog</source>
        <translation>Tagalo</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="100"/>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="110"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="111"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="133"/>
        <location filename="../outreach_table_models.py" line="181"/>
        <location filename="../outreach_table_models.py" line="210"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="161"/>
        <source>Registered job seeker</source>
        <translation>Persona registrada</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="166"/>
        <source>Prospect: not registered on this desk yet</source>
        <translation>Prospecto: aún no registrado en este equipo</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="136"/>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="137"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="139"/>
        <location filename="../outreach_table_models.py" line="187"/>
        <location filename="../outreach_table_models.py" line="200"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="140"/>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="142"/>
        <source>Being worked by</source>
        <translation>Atendido por</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="178"/>
        <source>Referred</source>
        <translation>Remitido</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="180"/>
        <source>Partner</source>
        <translation>Socio</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="182"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="184"/>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="185"/>
        <source>Register in the state&apos;s system</source>
        <translation>Registrarse en el sistema del estado</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="195"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="197"/>
        <source>Job seeker</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="198"/>
        <source>How</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="199"/>
        <source>Counselor</source>
        <translation>Consejero</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="203"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="211"/>
        <source>Arrived</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="212"/>
        <source>Waiting</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="213"/>
        <source>Booked for</source>
        <translation>Cita a las</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="214"/>
        <source>Walk-in</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="286"/>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="286"/>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="286"/>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="286"/>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="286"/>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="286"/>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="286"/>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="151"/>
        <source>possible match: {name}</source>
        <translation>posible coincidencia: {name}</translation>
    </message>
    <message>
        <location filename="../outreach_table_models.py" line="163"/>
        <source>Prospect who may be the registered job seeker {name} (same phone or a similar name): confirm or reject the match before booking</source>
        <translation>Prospecto que podría ser el solicitante de empleo registrado {name} (mismo teléfono o un nombre parecido): confirme o rechace la coincidencia antes de dar la cita</translation>
    </message>
</context>
<context>
    <name>PlanStep</name>
    <message>
        <location filename="../wizard_plan_page.py" line="40"/>
        <source>Check the plan with the job seeker. Untick anything they do not want; the dates update.</source>
        <translation>Revise el plan con la persona. Desmarque lo que no quiera; las fechas se actualizan.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="45"/>
        <source> hours a week</source>
        <translation> horas por semana</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="48"/>
        <source>&amp;Time available</source>
        <translation>&amp;Tiempo disponible</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="50"/>
        <source>Time available each week</source>
        <translation>Tiempo disponible por semana</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="54"/>
        <source>Items in the plan</source>
        <translation>Elementos del plan</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="55"/>
        <source>&amp;Items</source>
        <translation>&amp;Elementos</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="64"/>
        <source>Dates in the plan</source>
        <translation>Fechas del plan</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="65"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="65"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="86"/>
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="93"/>
        <source>&amp;Save the plan and continue</source>
        <translation>&amp;Guardar el plan y continuar</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="160"/>
        <source>Choose at least one item for the plan (go back to the recommendations).</source>
        <translation>Elija al menos un elemento para el plan (vuelva a las recomendaciones).</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="192"/>
        <source>The catalog gives no length for what is chosen, so the hours cannot be counted; the job seeker has {weekly} hours a week until {deadline}.</source>
        <translation>El catálogo no indica la duración de lo elegido, así que no se pueden contar las horas; la persona tiene {weekly} horas a la semana hasta el {deadline}.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="196"/>
        <source>Total: at least {total} hours, without what has no length in the catalog. Needs at least {needed} hours a week until {deadline}; the job seeker has {weekly}.</source>
        <translation>Total: al menos {total} horas, sin contar lo que no tiene duración en el catálogo. Necesita al menos {needed} horas a la semana hasta el {deadline}; la persona tiene {weekly}.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="201"/>
        <source>Total: about {total} hours. Needs about {needed} hours a week until {deadline}; the job seeker has {weekly}.</source>
        <translation>Total: unas {total} horas. Necesita unas {needed} horas por semana hasta el {deadline}; la persona tiene {weekly}.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="206"/>
        <source>This plan fits.</source>
        <translation>Este plan cabe en el plazo.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="208"/>
        <source>What can be counted fits; check the rest.</source>
        <translation>Lo que se puede contar cabe; revise el resto.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="210"/>
        <source>Whether this plan fits cannot be told yet.</source>
        <translation>Todavía no se puede saber si este plan cabe.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="212"/>
        <source>This plan may not fit.</source>
        <translation>Puede que este plan no quepa en el plazo.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="246"/>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
</context>
<context>
    <name>RecommendationCard</name>
    <message>
        <location filename="../recommendation_card.py" line="23"/>
        <source>? Length unknown: check the course page</source>
        <translation>? Duración desconocida: consulte la página del curso</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="25"/>
        <source>✓ Fits before {deadline}</source>
        <translation>✓ Cabe antes del {deadline}</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="26"/>
        <source>✗ Does not fit before {deadline}</source>
        <translation>✗ No cabe antes del {deadline}</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="67"/>
        <source>free credential</source>
        <translation>credencial gratuita</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="72"/>
        <source>Why:</source>
        <translation>Por qué:</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="77"/>
        <source>Add to the plan</source>
        <translation>Agregar al plan</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="79"/>
        <source>Add {title} to the plan</source>
        <translation>Agregar {title} al plan</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="81"/>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="83"/>
        <source>Compare {title}</source>
        <translation>Comparar {title}</translation>
    </message>
</context>
<context>
    <name>RecommendationsStep</name>
    <message>
        <location filename="../wizard_recommendations_page.py" line="52"/>
        <source>Use the &amp;shorter path</source>
        <translation>Usar el camino más &amp;corto</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="60"/>
        <source>Tick “Add to the plan” on what the job seeker wants to do. Tick “Compare” on two cards to see them side by side here.</source>
        <translation>Marque «Agregar al plan» en lo que la persona quiere hacer. Marque «Comparar» en dos tarjetas para verlas aquí lado a lado.</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="64"/>
        <source>Side by side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="82"/>
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message numerus="yes">
        <location filename="../wizard_recommendations_page.py" line="85"/>
        <source>&amp;Next: make the plan (%n chosen)</source>
        <translation>
            <numerusform>&amp;Siguiente: armar el plan (%n elegido)</numerusform>
            <numerusform>&amp;Siguiente: armar el plan (%n elegidos)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="111"/>
        <source>Based on the answers just saved, with about {hours} hours a week until {deadline}. Tick what the job seeker wants to do.</source>
        <translation>Según las respuestas recién guardadas, con unas {hours} horas por semana hasta el {deadline}. Marque lo que la persona quiere hacer.</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="116"/>
        <source>The catalog is still loading…</source>
        <translation>El catálogo todavía se está cargando…</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="139"/>
        <source>Finding recommendations…</source>
        <translation>Buscando recomendaciones…</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="233"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="234"/>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="235"/>
        <source>Deadline</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="236"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="237"/>
        <source>Free credential</source>
        <translation>Credencial gratuita</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="237"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="238"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="239"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
</context>
<context>
    <name>ReminderSendDialog</name>
    <message>
        <location filename="../reminder_send_dialog.py" line="35"/>
        <source>Send reminders</source>
        <translation>Enviar recordatorios</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="44"/>
        <source>First messages</source>
        <translation>Primeros mensajes</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="49"/>
        <source>To: {to}
Subject: {subject}

{body}</source>
        <translation>Para: {to}
Asunto: {subject}

{body}</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="51"/>
        <source>Message {n} ({language})</source>
        <translation>Mensaje {n} ({language})</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="54"/>
        <source>Nobody is on this list for e-mail today.</source>
        <translation>Hoy no hay nadie en esta lista para correo electrónico.</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="58"/>
        <source>&amp;Send {n} e-mails</source>
        <translation>&amp;Enviar {n} correos</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="61"/>
        <source>Save &amp;texts file…</source>
        <translation>Guardar archivo de &amp;textos…</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="72"/>
        <source>{emails} e-mails will be sent and {texts} people prefer text messages.</source>
        <translation>Se enviarán {emails} correos y {texts} personas prefieren mensajes de texto.</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="75"/>
        <source>{n} left out: they did not agree to be contacted.</source>
        <translation>{n} excluidas: no aceptaron ser contactadas.</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="77"/>
        <source>{n} left out: they had this reminder in the last {days} days.</source>
        <translation>{n} excluidas: recibieron este recordatorio en los últimos {days} días.</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="80"/>
        <source>{n} prefer texts but have no phone number.</source>
        <translation>{n} prefieren mensajes de texto pero no tienen número de teléfono.</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="88"/>
        <source>Sending {done} of {total}…</source>
        <translation>Enviando {done} de {total}…</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="95"/>
        <source>Sent {sent}; {failed} could not be delivered; {later} will be tried again later.</source>
        <translation>Enviados: {sent}; no se pudieron entregar: {failed}; se intentarán más tarde: {later}.</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="98"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="106"/>
        <source>Sending reminders…</source>
        <translation>Enviando recordatorios…</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="114"/>
        <source>Save the texts file</source>
        <translation>Guardar el archivo de textos</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="114"/>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../reminder_send_dialog.py" line="123"/>
        <source>{n} text messages saved to {path}.</source>
        <translation>{n} mensajes de texto guardados en {path}.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../report_charts.py" line="108"/>
        <source>Invited</source>
        <translation>Invitadas</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="108"/>
        <source>Joined</source>
        <translation>Se unieron</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="108"/>
        <source>Enrolled</source>
        <translation>Inscritas</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="109"/>
        <source>Completed</source>
        <translation>Terminaron</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="115"/>
        <source>No licenses were issued in this period, for this center and counselor. Change the filter above, or issue a license from an appointment.</source>
        <translation>No se emitieron licencias en este período para este centro y consejero/a. Cambie el filtro de arriba o emita una licencia desde una cita.</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="121"/>
        <source>Licenses issued</source>
        <translation>Licencias emitidas</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="124"/>
        <source>Course completions (right scale)</source>
        <translation>Cursos terminados (escala derecha)</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="131"/>
        <source>Nobody has been invited yet for this filter: invitations go out for every license issued.</source>
        <translation>Todavía no se ha invitado a nadie con este filtro: se envía una invitación por cada licencia emitida.</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="137"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="146"/>
        <source>No course completions yet: import the provider&apos;s usage report (Import usage report…) to see them.</source>
        <translation>Todavía no hay cursos terminados: importe el informe de uso del proveedor (Importar informe de uso…) para verlos.</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="148"/>
        <source>No course completions yet for this filter. They appear here after the next usage report that shows a finished course.</source>
        <translation>Todavía no hay cursos terminados con este filtro. Aparecerán aquí tras el próximo informe de uso que muestre un curso terminado.</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="153"/>
        <source>Completions</source>
        <translation>Terminados</translation>
    </message>
</context>
<context>
    <name>ReportFileActions</name>
    <message>
        <location filename="../report_file_actions.py" line="40"/>
        <source>&amp;Export Excel summary…</source>
        <translation>&amp;Exportar resumen en Excel…</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="41"/>
        <source>Workbook with charts and sheets by center, counselor, week and course, for the filter above</source>
        <translation>Libro con gráficos y hojas por centro, consejero/a, semana y curso, para el filtro de arriba</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="43"/>
        <source>&amp;Import usage report…</source>
        <translation>Im&amp;portar informe de uso…</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="44"/>
        <source>The provider&apos;s usage (enrollment) report, CSV or Excel</source>
        <translation>El informe de uso (inscripciones) del proveedor, en CSV o Excel</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="45"/>
        <source>Make i&amp;nvitation file…</source>
        <translation>Crear archivo de i&amp;nvitaciones…</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="46"/>
        <source>Yesterday&apos;s licenses (and any not sent yet) in the provider&apos;s bulk-invite layout</source>
        <translation>Las licencias de ayer (y las que aún no se enviaron) en el formato de invitación masiva del proveedor</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="71"/>
        <source>Save the Excel summary</source>
        <translation>Guardar el resumen en Excel</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="72"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="80"/>
        <source>Writing the Excel summary: {done:,} of {total:,} steps…</source>
        <translation>Escribiendo el resumen en Excel: paso {done:,} de {total:,}…</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="97"/>
        <source>Saved {path} ({rows:,} license rows).</source>
        <translation>Se guardó {path} ({rows:,} filas de licencias).</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="89"/>
        <source>Writing the Excel summary…</source>
        <translation>Escribiendo el resumen en Excel…</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="99"/>
        <source>Excel summary saved</source>
        <translation>Resumen de Excel guardado</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="101"/>
        <source>Open the &amp;folder</source>
        <translation>Abrir la &amp;carpeta</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="108"/>
        <source>Import the provider&apos;s usage report</source>
        <translation>Importar el informe de uso del proveedor</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="109"/>
        <source>Reports (*.csv *.xlsx)</source>
        <translation>Informes (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="129"/>
        <source>Importing the usage report…</source>
        <translation>Importando el informe de uso…</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="136"/>
        <source>Save the invitation file</source>
        <translation>Guardar el archivo de invitaciones</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="136"/>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../report_file_actions.py" line="147"/>
        <source>Writing the invitation file…</source>
        <translation>Escribiendo el archivo de invitaciones…</translation>
    </message>
</context>
<context>
    <name>ReportReminders</name>
    <message>
        <location filename="../report_reminders.py" line="46"/>
        <source>Reminder lists</source>
        <translation>Listas de recordatorio</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="50"/>
        <source>Reminder list</source>
        <translation>Lista de recordatorio</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="55"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="56"/>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="57"/>
        <source>Export &amp;list…</source>
        <translation>Exportar &amp;lista…</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="58"/>
        <source>Names and e-mail addresses as CSV, for your mail program</source>
        <translation>Nombres y correos electrónicos en CSV, para su programa de correo</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="59"/>
        <source>&amp;Copy message</source>
        <translation>&amp;Copiar el mensaje</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="70"/>
        <source>Reminder message</source>
        <translation>Mensaje de recordatorio</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="84"/>
        <source>Invited, not joined</source>
        <translation>Invitadas, sin unirse</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="85"/>
        <source>Licenses that were sent to the provider, but the learner does not appear in any usage report yet: the invitation may be in a spam folder, or was never opened.</source>
        <translation>Licencias enviadas al proveedor cuyo participante todavía no aparece en ningún informe de uso: la invitación puede estar en la carpeta de correo no deseado o nunca se abrió.</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="87"/>
        <source>Joined, no course</source>
        <translation>Se unieron, sin curso</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="88"/>
        <source>Learners who accepted the invitation but have not enrolled in any course.</source>
        <translation>Participantes que aceptaron la invitación pero no se han inscrito en ningún curso.</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="89"/>
        <source>Inactive</source>
        <translation>Inactivas</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="90"/>
        <source>Learners with an unfinished course and no activity for the given number of days.</source>
        <translation>Participantes con un curso sin terminar y sin actividad durante el número de días indicado.</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="91"/>
        <source>Completion deadline near</source>
        <translation>Fecha límite cercana</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="92"/>
        <source>Learners with an unfinished course when the program&apos;s complete-by date is within the given number of days.</source>
        <translation>Participantes con un curso sin terminar cuando la fecha límite del programa está dentro del número de días indicado.</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="116"/>
        <source>{n:,} people on this list.</source>
        <translation>{n:,} personas en esta lista.</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="121"/>
        <source>Save the reminder list</source>
        <translation>Guardar la lista de recordatorio</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="122"/>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="139"/>
        <source>{count:,} people written to {path}.</source>
        <translation>{count:,} personas escritas en {path}.</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="141"/>
        <source>{n:,} left out: they did not consent to be contacted.</source>
        <translation>{n:,} quedaron fuera: no aceptaron que las contacten.</translation>
    </message>
    <message>
        <location filename="../report_reminders.py" line="148"/>
        <source>Writing the reminder list…</source>
        <translation>Escribiendo la lista de recordatorio…</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../report_table_model.py" line="56"/>
        <source>Issued</source>
        <translation>Emitidas</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="56"/>
        <source>Pending approval</source>
        <translation>Pendientes de aprobación</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="57"/>
        <source>Invited</source>
        <translation>Invitadas</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="57"/>
        <source>Joined</source>
        <translation>Se unieron</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="57"/>
        <location filename="../report_table_model.py" line="78"/>
        <source>Enrolled</source>
        <translation>Inscritas</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="58"/>
        <location filename="../report_table_model.py" line="79"/>
        <location filename="../report_table_model.py" line="85"/>
        <source>Completed</source>
        <translation>Terminaron</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="58"/>
        <location filename="../report_table_model.py" line="79"/>
        <location filename="../report_table_model.py" line="85"/>
        <source>Completion rate</source>
        <translation>Tasa de finalización</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="59"/>
        <location filename="../report_table_model.py" line="80"/>
        <location filename="../report_table_model.py" line="86"/>
        <source>Learning hours</source>
        <translation>Horas de aprendizaje</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="72"/>
        <source>Week starting</source>
        <translation>Semana del</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="73"/>
        <source>Course completions</source>
        <translation>Cursos terminados</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="75"/>
        <location filename="../report_table_model.py" line="103"/>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="76"/>
        <location filename="../report_table_model.py" line="104"/>
        <source>Counselor</source>
        <translation>Consejero/a</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="78"/>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="78"/>
        <source>Collections</source>
        <translation>Colecciones</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="84"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="84"/>
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="84"/>
        <source>Enrollments</source>
        <translation>Inscripciones</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="94"/>
        <source>Grouped by</source>
        <translation>Agrupado por</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="95"/>
        <source>Day, center or counselor</source>
        <translation>Día, centro o consejero</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="96"/>
        <source>Called in</source>
        <translation>Atendidas</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="97"/>
        <source>Left unseen</source>
        <translation>Se fueron sin ser atendidas</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="98"/>
        <source>Median wait (min)</source>
        <translation>Espera mediana (min)</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="99"/>
        <source>90th percentile wait (min)</source>
        <translation>Espera, percentil 90 (min)</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="100"/>
        <source>Median service (min)</source>
        <translation>Atención mediana (min)</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="101"/>
        <source>90th percentile service (min)</source>
        <translation>Atención, percentil 90 (min)</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="102"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="102"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../report_table_model.py" line="115"/>
        <source>(not recorded)</source>
        <translation>(sin registrar)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../reports_page.py" line="70"/>
        <source>Reports name job seekers, so only a supervisor or program administrator can see them.</source>
        <translation>Los informes nombran a las personas atendidas, así que solo un/a supervisor/a o el/la administrador/a del programa puede verlos.</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="83"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="99"/>
        <source>Issued between</source>
        <translation>Emitidas entre</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="103"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="103"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="111"/>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="112"/>
        <location filename="../reports_page.py" line="254"/>
        <source>All centers</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="114"/>
        <source>Counselor</source>
        <translation>Consejero/a</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="115"/>
        <location filename="../reports_page.py" line="255"/>
        <source>All counselors</source>
        <translation>Todos los consejeros</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="116"/>
        <source>&amp;Show figures</source>
        <translation>&amp;Mostrar cifras</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="117"/>
        <source>Compute the figures for this filter</source>
        <translation>Calcular las cifras para este filtro</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="138"/>
        <source>Headline figures</source>
        <translation>Cifras principales</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="141"/>
        <source>Licenses issued</source>
        <translation>Licencias emitidas</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="141"/>
        <source>Pending approval</source>
        <translation>Pendientes de aprobación</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="142"/>
        <source>Invited</source>
        <translation>Invitadas</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="142"/>
        <source>Joined</source>
        <translation>Se unieron</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="142"/>
        <source>Enrolled</source>
        <translation>Inscritas</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="143"/>
        <source>Completed</source>
        <translation>Terminaron</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="143"/>
        <source>Completion rate</source>
        <translation>Tasa de finalización</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="144"/>
        <source>Learning hours</source>
        <translation>Horas de aprendizaje</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="144"/>
        <source>Credentials earned</source>
        <translation>Credenciales obtenidas</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="145"/>
        <source>Recorded as working</source>
        <translation>Registradas como empleadas</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="145"/>
        <source>Rows needing review</source>
        <translation>Filas por revisar</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="146"/>
        <source>Median wait at the front desk (min)</source>
        <translation>Espera mediana en recepción (min)</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="163"/>
        <source>Licenses issued and courses completed by week</source>
        <translation>Licencias emitidas y cursos terminados por semana</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="164"/>
        <source>From invitation to completion</source>
        <translation>De la invitación a la finalización</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="165"/>
        <source>Completions by course (top 10)</source>
        <translation>Cursos terminados por curso (los 10 primeros)</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="169"/>
        <source>Import the &amp;usage report…</source>
        <translation>Importar el informe de &amp;uso…</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="170"/>
        <source>The provider&apos;s usage (enrollment) report, CSV or Excel</source>
        <translation>El informe de uso (inscripciones) del proveedor, en CSV o Excel</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="185"/>
        <source>By center</source>
        <translation>Por centro</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="185"/>
        <source>By counselor</source>
        <translation>Por consejero/a</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="186"/>
        <source>By week</source>
        <translation>Por semana</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="186"/>
        <source>By course</source>
        <translation>Por curso</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="187"/>
        <source>By collection</source>
        <translation>Por colección</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="188"/>
        <source>Wait and service times</source>
        <translation>Tiempos de espera y de atención</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="241"/>
        <source>Computing the figures…</source>
        <translation>Calculando las cifras…</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="266"/>
        <source>Usage report last imported {when}.</source>
        <translation>Último informe de uso importado: {when}</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="267"/>
        <source>No usage report has been imported yet: import one to see who joined, enrolled and completed.</source>
        <translation>Todavía no se ha importado ningún informe de uso: importe uno para ver quién se unió, se inscribió y terminó.</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="270"/>
        <source>No invitation file has been made on this desk yet, so every issued license counts as invited.</source>
        <translation>Todavía no se ha creado ningún archivo de invitaciones en este equipo, así que cada licencia emitida cuenta como invitada.</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="284"/>
        <source>Licenses issued {start} – {end}</source>
        <translation>Licencias emitidas del {start} al {end}</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="287"/>
        <source>Licenses issued on or after {day}</source>
        <translation>Licencias emitidas desde el {day}</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="289"/>
        <source>Licenses issued on or before {day}</source>
        <translation>Licencias emitidas hasta el {day}</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="291"/>
        <source>Licenses of all issue dates</source>
        <translation>Licencias de todas las fechas de emisión</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="292"/>
        <source>all centers</source>
        <translation>todos los centros</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="294"/>
        <source>one center</source>
        <translation>un centro</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="295"/>
        <source>all counselors</source>
        <translation>todos los consejeros</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="297"/>
        <source>one counselor</source>
        <translation>un/a consejero/a</translation>
    </message>
    <message>
        <location filename="../reports_page.py" line="298"/>
        <source>{when}; {where}; {who}.</source>
        <translation>{when}; {where}; {who}.</translation>
    </message>
</context>
<context>
    <name>RetentionAction</name>
    <message>
        <location filename="../retention_dialog.py" line="27"/>
        <source>&amp;Remove personal data past retention…</source>
        <translation>&amp;Quitar datos personales vencidos…</translation>
    </message>
    <message>
        <location filename="../retention_dialog.py" line="40"/>
        <location filename="../retention_dialog.py" line="53"/>
        <location filename="../retention_dialog.py" line="55"/>
        <location filename="../retention_dialog.py" line="67"/>
        <source>Retention</source>
        <translation>Conservación de datos</translation>
    </message>
    <message>
        <location filename="../retention_dialog.py" line="41"/>
        <source>The agency profile sets no retention period for this computer, so nothing is removed.</source>
        <translation>El perfil de la agencia no fija un plazo de conservación para esta computadora, así que no se quita nada.</translation>
    </message>
    <message>
        <location filename="../retention_dialog.py" line="45"/>
        <source>Personal data of job seekers leaves this computer {days} days after the program ends ({end}), from {cutoff} on, once the agency server has it.

Source: {source}

Now: {purgeable} job seekers qualify. Kept: {unsynced} with something not yet on the server, {recent} changed recently or after the last sync. Removed before: {done}.</source>
        <translation>Los datos personales de los solicitantes de empleo salen de esta computadora {days} días después de que termina el programa ({end}), a partir del {cutoff}, una vez que el servidor de la agencia los tiene.

Fuente: {source}

Ahora: {purgeable} solicitantes cumplen las condiciones. Se conservan: {unsynced} con algo que aún no está en el servidor, {recent} cambiados recientemente o después de la última sincronización. Quitados antes: {done}.</translation>
    </message>
    <message>
        <location filename="../retention_dialog.py" line="56"/>
        <source>Remove their names, contact details and notes from this computer now? The counts in reports stay the same and the agency server keeps its records.</source>
        <translation>¿Quitar ahora de esta computadora sus nombres, datos de contacto y notas? Los conteos de los informes no cambian y el servidor de la agencia conserva sus registros.</translation>
    </message>
    <message numerus="yes">
        <location filename="../retention_dialog.py" line="68"/>
        <source>Removed the personal data of %n job seeker(s) from this computer.</source>
        <translation>
            <numerusform>Se quitaron de esta computadora los datos personales de %n solicitante de empleo.</numerusform>
            <numerusform>Se quitaron de esta computadora los datos personales de %n solicitantes de empleo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <location filename="../session_lock.py" line="335"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="339"/>
        <source>Cover the screen until your PIN or password is entered (Ctrl+L)</source>
        <translation>Cubrir la pantalla hasta que se escriba su PIN o contraseña (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="341"/>
        <source>&amp;Switch counselor…</source>
        <translation>&amp;Cambiar de consejero…</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="345"/>
        <source>&amp;Add a counselor to this computer…</source>
        <translation>&amp;Agregar un consejero a esta computadora…</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="392"/>
        <source>Demo: the PIN is {pin}.</source>
        <translation>Demostración: el PIN es {pin}.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="446"/>
        <source>The PIN could not be checked. Try again.</source>
        <translation>No se pudo comprobar el PIN. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="459"/>
        <source>This counselor has no PIN yet.</source>
        <translation>Este consejero todavía no tiene PIN.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="510"/>
        <source>This computer&apos;s records were erased</source>
        <translation>Se borraron los registros de esta computadora</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="543"/>
        <source>Someone with that name already uses this computer.</source>
        <translation>Alguien con ese nombre ya usa esta computadora.</translation>
    </message>
    <message>
        <location filename="../session_lock.py" line="544"/>
        <source>Enter the counselor&apos;s name.</source>
        <translation>Escriba el nombre del consejero.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../settings_page.py" line="36"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="38"/>
        <source>This desk</source>
        <translation>Este escritorio</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="64"/>
        <source>Licenses this device may issue offline before its first sync reserves a block from the server.</source>
        <translation>Licencias que este equipo puede emitir sin conexión antes de que la primera sincronización reserve un bloque en el servidor.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="66"/>
        <source>A&amp;gency profile</source>
        <translation>Perfil de la a&amp;gencia</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="66"/>
        <source>&amp;Career center</source>
        <translation>&amp;Centro de empleo</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="67"/>
        <source>Counselor &amp;name</source>
        <translation>&amp;Nombre del consejero</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="67"/>
        <source>&amp;Role</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="68"/>
        <source>&amp;Language of the app</source>
        <translation>&amp;Idioma de la aplicación</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="69"/>
        <source>&amp;Offline licenses before first sync</source>
        <translation>&amp;Licencias sin conexión antes de sincronizar</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="80"/>
        <source>&amp;Save settings</source>
        <translation>Guar&amp;dar la configuración</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="83"/>
        <source>Server and s&amp;ync settings…</source>
        <translation>Servidor y &amp;sincronización…</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="89"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="92"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="93"/>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="93"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="94"/>
        <source>Case-management system</source>
        <translation>Sistema de gestión de casos</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="94"/>
        <source>{cms} (service recorded: “{label}”)</source>
        <translation>{cms} (servicio registrado: “{label}”)</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="96"/>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="108"/>
        <source>The database is encrypted; its key is kept in memory only and is lost when the app closes (demo data).</source>
        <translation>La base de datos está cifrada; su clave se guarda solo en memoria y se pierde al cerrar la aplicación (datos de demostración).</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="110"/>
        <source>The database is encrypted; its key is kept in this computer&apos;s keyring.</source>
        <translation>La base de datos está cifrada; su clave se guarda en el llavero de esta computadora.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="120"/>
        <source>Enter the career center and the counselor&apos;s name.</source>
        <translation>Indique el centro de empleo y el nombre del consejero.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="131"/>
        <source>Saved. Restart the app for the new name, center, role, agency or language to take effect.</source>
        <translation>Guardado. Reinicie la aplicación para que el nuevo nombre, centro, función, agencia o idioma tengan efecto.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="132"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="141"/>
        <source>Server settings are not installed in this build.</source>
        <translation>La configuración del servidor no está instalada en esta versión.</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../wizard_summary_page.py" line="88"/>
        <source>Handout language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="89"/>
        <source>The language of the printed or saved handout; it starts as the job seeker&apos;s preferred language</source>
        <translation>El idioma de la hoja impresa o guardada; empieza con el idioma preferido de la persona</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="92"/>
        <source>Handout &amp;language</source>
        <translation>I&amp;dioma de la hoja</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="96"/>
        <source>Save the handout as &amp;PDF…</source>
        <translation>Guardar la hoja como &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="97"/>
        <source>A one-page learning plan for the job seeker: plan, dates, how the invitation arrives, whom to call</source>
        <translation>Un plan de aprendizaje de una página para la persona: plan, fechas, cómo llega la invitación, a quién llamar</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="100"/>
        <source>P&amp;rint the handout…</source>
        <translation>&amp;Imprimir la hoja…</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="116"/>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="118"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="121"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="123"/>
        <source>Anything the next counselor should know (optional)</source>
        <translation>Lo que el próximo consejero debe saber (opcional)</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="127"/>
        <source>No&amp;tes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="141"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="144"/>
        <source>&amp;Finish the appointment</source>
        <translation>&amp;Terminar la cita</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="208"/>
        <source>License issued.</source>
        <translation>Licencia emitida.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="209"/>
        <source>The invitation will be sent to {email}. {how}</source>
        <translation>La invitación se enviará a {email}. {how}</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="187"/>
        <source>Recorded in {cms} as “{label}”.</source>
        <translation>Registrado en {cms} como “{label}”.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="86"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="87"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="184"/>
        <source>Queued for {cms} as “{label}”: it is recorded there once this desk syncs with the agency server.</source>
        <translation>En espera para {cms} como «{label}»: queda registrado allí cuando este equipo se sincronice con el servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="221"/>
        <source>License recorded, pending approval.</source>
        <translation>Licencia registrada, pendiente de aprobación.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="223"/>
        <source>This device has used its reserved licenses. The license is confirmed after the next sync; the invitation goes out once it is approved.</source>
        <translation>Este equipo usó sus licencias reservadas. La licencia se confirma después de la próxima sincronización; la invitación sale cuando se aprueba.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="227"/>
        <source>No license was issued.</source>
        <translation>No se emitió ninguna licencia.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="230"/>
        <source>What you can do next: {step}</source>
        <translation>Qué puede hacer ahora: {step}</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="235"/>
        <source>No license was issued in this appointment with {name}.</source>
        <translation>No se emitió ninguna licencia en esta cita con {name}.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="236"/>
        <source>the job seeker</source>
        <translation>la persona</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="240"/>
        <source>Learning plan:</source>
        <translation>Plan de aprendizaje:</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="275"/>
        <source>Save the handout</source>
        <translation>Guardar la hoja</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="276"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="283"/>
        <source>Saved: {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="286"/>
        <source>Writing the handout…</source>
        <translation>Preparando la hoja…</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="305"/>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../sync_controller.py" line="170"/>
        <source>Sign in to the agency server to sync.</source>
        <translation>Inicie sesión en el servidor de la agencia para sincronizar.</translation>
    </message>
    <message>
        <location filename="../sync_controller.py" line="184"/>
        <source>Syncing with the agency server…</source>
        <translation>Sincronizando con el servidor de la agencia…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../sync_page.py" line="119"/>
        <source>Sync with the agency server</source>
        <translation>Sincronizar con el servidor de la agencia</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="129"/>
        <source>S&amp;ync now</source>
        <translation>Sincronizar a&amp;hora</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="130"/>
        <source>Send what is waiting and receive the server&apos;s updates</source>
        <translation>Enviar lo pendiente y recibir las novedades del servidor</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="134"/>
        <source>Server and &amp;sign-in…</source>
        <translation>&amp;Servidor e inicio de sesión…</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="139"/>
        <source>Sho&amp;w:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="142"/>
        <source>Everything not yet sent</source>
        <translation>Todo lo que falta enviar</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="143"/>
        <source>Only what needs attention</source>
        <translation>Solo lo que requiere atención</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="144"/>
        <source>Only what is waiting to be sent</source>
        <translation>Solo lo que espera envío</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="145"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="158"/>
        <source>Changes not yet on the agency server</source>
        <translation>Cambios que aún no están en el servidor de la agencia</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="177"/>
        <source>Everything on this desk is on the agency server.</source>
        <translation>Todo lo de este equipo está en el servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="183"/>
        <source>Problem with the selected change</source>
        <translation>Problema del cambio seleccionado</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="194"/>
        <source>&amp;Resolve conflict…</source>
        <translation>&amp;Resolver el conflicto…</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="195"/>
        <source>Compare both versions field by field and choose</source>
        <translation>Comparar ambas versiones campo por campo y elegir</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="197"/>
        <source>&amp;Fix and resend…</source>
        <translation>&amp;Corregir y reenviar…</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="199"/>
        <source>Re&amp;try</source>
        <translation>Rein&amp;tentar</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="199"/>
        <source>Send the set-aside change again as it is</source>
        <translation>Enviar de nuevo el cambio apartado tal como está</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="202"/>
        <source>Retry &amp;all set aside</source>
        <translation>Reintentar tod&amp;o lo apartado</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="244"/>
        <source>No agency server is set up yet: press Server and sign-in… to enter the address your agency gave you.</source>
        <translation>Todavía no hay un servidor de la agencia configurado: pulse Servidor e inicio de sesión… para escribir la dirección que le dio su agencia.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="247"/>
        <source>Not signed in to {server}.</source>
        <translation>No ha iniciado sesión en {server}.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="249"/>
        <source>Signed in to {server} as {name} ({center}).</source>
        <translation>Sesión iniciada en {server} como {name} ({center}).</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="251"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="252"/>
        <source>{who} Last successful sync: {when}. Waiting: {queued}; set aside: {parked}; conflicts: {conflicts}.</source>
        <translation>{who} Última sincronización correcta: {when}. Por enviar: {queued}; apartados: {parked}; conflictos: {conflicts}.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="300"/>
        <source>Press Resolve conflict… to compare both versions and choose.</source>
        <translation>Pulse Resolver el conflicto… para comparar ambas versiones y elegir.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="302"/>
        <source>Press Fix and resend… to correct the record, or Retry to send it again as it is.</source>
        <translation>Pulse Corregir y reenviar… para corregir el registro, o Reintentar para enviarlo de nuevo tal como está.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="304"/>
        <source>Press Retry to send it again.</source>
        <translation>Pulse Reintentar para enviarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="325"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="386"/>
        <source>Resolved: the server&apos;s version was taken.</source>
        <translation>Resuelto: se tomó la versión del servidor.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="387"/>
        <source>Resolved: your choice will be sent at the next sync.</source>
        <translation>Resuelto: su elección se enviará en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="411"/>
        <source>Corrected; it will be sent again now.</source>
        <translation>Corregido; se enviará de nuevo ahora.</translation>
    </message>
    <message>
        <location filename="../sync_page.py" line="420"/>
        <source>It will be sent again now.</source>
        <translation>Se enviará de nuevo ahora.</translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_page.py" line="426"/>
        <source>%n change(s) will be sent again now.</source>
        <translation>
            <numerusform>%n cambio se enviará de nuevo ahora.</numerusform>
            <numerusform>%n cambios se enviarán de nuevo ahora.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../sync_settings_dialog.py" line="38"/>
        <source>Agency server</source>
        <translation>Servidor de la agencia</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="43"/>
        <source>Agency server and sign-in</source>
        <translation>Servidor de la agencia e inicio de sesión</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="53"/>
        <source>(the computer&apos;s trusted certificates)</source>
        <translation>(certificados de confianza del equipo)</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="54"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="61"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="67"/>
        <source>Server &amp;address</source>
        <translation>&amp;Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="68"/>
        <source>Agency &amp;CA bundle (optional)</source>
        <translation>&amp;Certificados de la agencia (opcional)</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="69"/>
        <source>Sync &amp;every</source>
        <translation>Sincronizar c&amp;ada</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="69"/>
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="70"/>
        <source>&amp;Password</source>
        <translation>Con&amp;traseña</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="87"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="89"/>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="91"/>
        <source>Sa&amp;ve without signing in</source>
        <translation>&amp;Guardar sin iniciar sesión</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="99"/>
        <source>&amp;Close</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="107"/>
        <source>The agency&apos;s CA certificates</source>
        <translation>Los certificados de la agencia</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="108"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="138"/>
        <source>Not signed in to the agency server.</source>
        <translation>No ha iniciado sesión en el servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="140"/>
        <source>counselor</source>
        <translation>consejero/a</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="140"/>
        <source>supervisor</source>
        <translation>supervisor/a</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="141"/>
        <source>administrator</source>
        <translation>administrador/a</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="143"/>
        <source>Signed in as {name} ({role}, {center}); the sign-in lasts until {expires}.</source>
        <translation>Sesión iniciada como {name} ({role}, {center}); la sesión dura hasta el {expires}.</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="156"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="165"/>
        <source>Enter your user name and password for the agency server.</source>
        <translation>Escriba su usuario y contraseña del servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="172"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="183"/>
        <source>Signed in. Syncing now.</source>
        <translation>Sesión iniciada. Sincronizando ahora.</translation>
    </message>
    <message>
        <location filename="../sync_settings_dialog.py" line="195"/>
        <source>Signed out. Changes stay queued until you sign in again.</source>
        <translation>Sesión cerrada. Los cambios quedan en cola hasta que vuelva a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../status_bar.py" line="33"/>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="33"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="34"/>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="35"/>
        <source>Last successful sync</source>
        <translation>Última sincronización correcta</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="36"/>
        <source>Background work</source>
        <translation>Trabajo en segundo plano</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="36"/>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="59"/>
        <source>○ Offline (no server connection)</source>
        <translation>○ Sin conexión (sin servidor)</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="61"/>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="63"/>
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="67"/>
        <source>✓ Everything is on the agency server</source>
        <translation>✓ Todo está en el servidor de la agencia</translation>
    </message>
    <message numerus="yes">
        <location filename="../status_bar.py" line="69"/>
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n registro por enviar</numerusform>
            <numerusform>%n registros por enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../status_bar.py" line="71"/>
        <source>⚠ %n need(s) attention</source>
        <translation>
            <numerusform>⚠ %n requiere atención</numerusform>
            <numerusform>⚠ %n requieren atención</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="72"/>
        <source>Open the Sync page (Ctrl+5) to see what was set aside and why</source>
        <translation>Abra la página Sincronización (Ctrl+5) para ver qué se apartó y por qué</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="74"/>
        <source>Last sync: {when}</source>
        <translation>Última sincronización: {when}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="75"/>
        <source>Last sync: never</source>
        <translation>Última sincronización: nunca</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="79"/>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../today_page.py" line="64"/>
        <source>Start a &amp;walk-in appointment (Ctrl+N)</source>
        <translation>Iniciar una cita &amp;sin turno (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="65"/>
        <source>A job seeker is here: find or register them, check eligibility, plan and issue the license (Ctrl+N)</source>
        <translation>Llegó una persona: búsquela o regístrela, verifique la elegibilidad, planifique y emita la licencia (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="75"/>
        <source>Unfinished appointments — pick up where you stopped</source>
        <translation>Citas sin terminar — continúe donde se quedó</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="81"/>
        <source>Unfinished appointments</source>
        <translation>Citas sin terminar</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="87"/>
        <source>&amp;Resume the selected appointment</source>
        <translation>&amp;Reanudar la cita elegida</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="101"/>
        <location filename="../today_page.py" line="107"/>
        <source>Today&apos;s appointments</source>
        <translation>Citas de hoy</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="117"/>
        <source>No appointments yet today. Walk-ins appear here once started.</source>
        <translation>Todavía no hay citas hoy. Las citas sin turno aparecen aquí al iniciarlas.</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="140"/>
        <source>Today — {date}</source>
        <translation>Hoy — {date}</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="145"/>
        <source>{program}: licenses can be issued until {issue_by} ({days} days left); learners must enroll by {enroll_by} and finish by {complete_by}.</source>
        <translation>{program}: se pueden emitir licencias hasta el {issue_by} (quedan {days} días); hay que inscribirse antes del {enroll_by} y terminar antes del {complete_by}.</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="151"/>
        <source>{program}: the last day to issue licenses was {issue_by}.</source>
        <translation>{program}: el último día para emitir licencias fue el {issue_by}.</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="205"/>
        <source>job seeker not chosen yet</source>
        <translation>persona aún sin elegir</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="208"/>
        <source>{who} — started {when} — paused at: {step}</source>
        <translation>{who} — comenzó {when} — en pausa en: {step}</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="210"/>
        <source>{who} — started {when} — stopped at: {step}</source>
        <translation>{who} — empezó a las {when} — se detuvo en: {step}</translation>
    </message>
    <message numerus="yes">
        <location filename="../today_page.py" line="222"/>
        <source>%n appointment(s) did not finish (the app was closed or the computer stopped). Everything typed was saved: select one and press Resume.</source>
        <translation>
            <numerusform>%n cita no terminó (se cerró la aplicación o se apagó la computadora). Todo lo escrito quedó guardado: elíjala y presione Reanudar.</numerusform>
            <numerusform>%n citas no terminaron (se cerró la aplicación o se apagó la computadora). Todo lo escrito quedó guardado: elija una y presione Reanudar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../today_page.py" line="226"/>
        <source>%n appointment(s) paused. Everything typed was saved: select one and press Resume.</source>
        <translation>
            <numerusform>%n cita en pausa. Todo lo escrito se guardó: selecciónela y pulse Reanudar.</numerusform>
            <numerusform>%n citas en pausa. Todo lo escrito se guardó: seleccione una y pulse Reanudar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardStep</name>
    <message>
        <location filename="../wizard_step.py" line="53"/>
        <source>&amp;Next</source>
        <extracomment>``proceed(step_id)``: move to ``step_id``; ``None``: the next step in order; ``STAY``: remain here (the step showed why, e.g. field errors or a refusal). Ask the wizard to refresh its buttons (e.g. the Next label changed after a verdict).</extracomment>
        <translation>&amp;Siguiente</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="46"/>
        <source>Counselor Desk cannot start</source>
        <translation>Counselor Desk no puede iniciar</translation>
    </message>
    <message>
        <location filename="../app.py" line="75"/>
        <location filename="../app.py" line="224"/>
        <source>No system keyring: the demo&apos;s encryption key is kept in memory only</source>
        <extracomment>Page modules the first screens need, imported on the worker thread while the desk opens so building the first page on the GUI thread does not pay for them. Set by ``run_app`` around ``exec()``: only then may a failure end the event loop (``QApplication.exit`` outside a running loop leaves a pending quit that makes the next local event loop return at once).</extracomment>
        <translation>No hay llavero del sistema: la clave de cifrado de la demostración se guarda solo en memoria</translation>
    </message>
    <message>
        <location filename="../app.py" line="93"/>
        <source>Creating demo job seekers: {done} of {total}</source>
        <translation>Creando personas de demostración: {done} de {total}</translation>
    </message>
    <message>
        <location filename="../app.py" line="102"/>
        <source>Creating demo job seekers…</source>
        <translation>Creando personas de demostración…</translation>
    </message>
    <message>
        <location filename="../app.py" line="315"/>
        <source>Counselor Desk erased its records, keys, exports and logs on this computer on {date} because the agency reported it lost or retired. Nothing can be opened here; contact your agency&apos;s IT.</source>
        <translation>Counselor Desk borró sus registros, claves, exportaciones y registros de actividad en esta computadora el {date} porque la agencia informó que se perdió o se retiró. Aquí no se puede abrir nada; comuníquese con el departamento de TI de su agencia.</translation>
    </message>
    <message>
        <location filename="../app.py" line="320"/>
        <source>The encryption key of your records is no longer in this computer&apos;s keyring, so they cannot be opened now. Nothing is lost: your agency&apos;s IT can recover the key (counselor-app recover-key, see the deployment guide). Contact them before you use this computer for appointments.</source>
        <translation>La clave de cifrado de sus registros ya no está en el llavero de esta computadora, así que no se pueden abrir ahora. No se perdió nada: el departamento de TI de su agencia puede recuperar la clave (counselor-app recover-key, vea la guía de implementación). Comuníquese con ellos antes de usar esta computadora para citas.</translation>
    </message>
    <message>
        <location filename="../app.py" line="332"/>
        <source>The agency reported this computer lost or retired, so Counselor Desk erased its records, keys, exports and logs here. Nothing can be opened on it any more; contact your agency&apos;s IT.</source>
        <translation>La agencia informó que esta computadora se perdió o se retiró, así que Counselor Desk borró aquí sus registros, claves, exportaciones y registros de actividad. Ya no se puede abrir nada en ella; comuníquese con el departamento de TI de su agencia.</translation>
    </message>
    <message>
        <location filename="../app.py" line="336"/>
        <source>Counselor Desk</source>
        <translation>Counselor Desk</translation>
    </message>
</context>
<context>
    <name>core_messages</name>
    <message>
        <location filename="../core_messages.py" line="23"/>
        <source>first name</source>
        <translation>el nombre</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="24"/>
        <source>last name</source>
        <translation>el apellido</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="25"/>
        <source>e-mail address</source>
        <translation>la dirección de correo electrónico</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="26"/>
        <source>phone number</source>
        <translation>el número de teléfono</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="27"/>
        <source>ZIP code</source>
        <translation>el código postal</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="28"/>
        <source>date of birth</source>
        <translation>la fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="29"/>
        <source>preferred language</source>
        <translation>el idioma preferido</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="30"/>
        <source>education</source>
        <translation>la educación</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="31"/>
        <source>last occupation</source>
        <translation>la última ocupación</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="32"/>
        <source>last job title</source>
        <translation>el último puesto</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="33"/>
        <source>goal occupation</source>
        <translation>la ocupación meta</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="34"/>
        <source>interests</source>
        <translation>los intereses</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="35"/>
        <source>employment status</source>
        <translation>la situación laboral</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="36"/>
        <source>cause of unemployment</source>
        <translation>la causa del desempleo</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="37"/>
        <source>UI claimant</source>
        <translation>el reclamo de UI</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="38"/>
        <source>return-to-work date</source>
        <translation>la fecha de regreso al trabajo</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="39"/>
        <source>digital skills</source>
        <translation>las habilidades digitales</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="40"/>
        <source>hours available each week</source>
        <translation>las horas disponibles por semana</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="41"/>
        <source>barriers</source>
        <translation>las barreras</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="42"/>
        <source>consent to contact</source>
        <translation>el consentimiento de contacto</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="43"/>
        <source>agency customer id</source>
        <translation>el id. de cliente de la agencia</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="44"/>
        <source>prefers text messages</source>
        <translation>prefiere mensajes de texto</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="46"/>
        <source>&apos;{name}&apos; is not a job-seeker field.</source>
        <translation>«{name}» no es un dato de la persona.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="47"/>
        <source>Enter the {field}.</source>
        <translation>Escriba {field}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="48"/>
        <source>The {field} is not valid.</source>
        <translation>Revise {field}: el valor no es válido.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="49"/>
        <source>Enter an e-mail address.</source>
        <translation>Escriba una dirección de correo electrónico.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="50"/>
        <source>An e-mail address cannot contain spaces.</source>
        <translation>Una dirección de correo electrónico no puede tener espacios.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="51"/>
        <source>An e-mail address needs exactly one @, as in name@example.com.</source>
        <translation>Una dirección de correo electrónico lleva exactamente una @, como en nombre@example.com.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="53"/>
        <source>The part before the @ is missing.</source>
        <translation>Falta la parte antes de la @.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="54"/>
        <source>This e-mail address is too long.</source>
        <translation>Esta dirección de correo electrónico es demasiado larga.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="55"/>
        <source>The part before the @ has characters an e-mail address cannot have.</source>
        <translation>La parte antes de la @ tiene caracteres que una dirección de correo no puede tener.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="57"/>
        <source>The part after the @ is not a valid domain, as in gmail.com.</source>
        <translation>La parte después de la @ no es un dominio válido, como gmail.com.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="59"/>
        <source>An e-mail address cannot start with “{char}”: the provider does not accept it and spreadsheets read it as a formula. Check the address with the job seeker.</source>
        <translation>Una dirección de correo no puede empezar por «{char}»: el proveedor no la acepta y las hojas de cálculo la leen como una fórmula. Revise la dirección con la persona.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="62"/>
        <source>The part before the @ has letters the provider cannot send to (accents or other alphabets); ask the job seeker for an address without them.</source>
        <translation>La parte antes de la @ tiene letras a las que el proveedor no puede enviar (acentos u otros alfabetos); pida a la persona una dirección sin ellas.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="65"/>
        <source>Leave the extension out of the phone number (put it in the notes).</source>
        <translation>No incluya la extensión en el teléfono (anótela en las notas).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="67"/>
        <source>Enter a 10-digit US phone number, for example (617) 555-0123.</source>
        <translation>Escriba un teléfono de EE. UU. de 10 dígitos, por ejemplo (617) 555-0123.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="69"/>
        <source>This is not a valid US phone number: the area code and the exchange cannot start with 0 or 1.</source>
        <translation>No es un teléfono válido de EE. UU.: el código de área y el prefijo no pueden empezar con 0 ni con 1.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="72"/>
        <source>The {field} is too long (120 characters at most).</source>
        <translation>Revise {field}: el texto es demasiado largo (120 caracteres como máximo).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="73"/>
        <source>The {field} has a character a name cannot have: {character}.</source>
        <translation>Revise {field}: tiene un carácter que un nombre no puede tener: {character}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="75"/>
        <source>The {field} needs at least one letter.</source>
        <translation>Revise {field}: necesita al menos una letra.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="76"/>
        <source>Enter a 5-digit ZIP code, for example 02108 (ZIP+4 such as 02108-1234 also works).</source>
        <translation>Escriba un código postal de 5 dígitos, por ejemplo 02108 (también sirve ZIP+4, como 02108-1234).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="78"/>
        <source>Pick the occupation from the list, or type its code (a SOC code such as 41-2031).</source>
        <translation>Elija la ocupación de la lista o escriba su código (un código SOC como 41-2031).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="80"/>
        <source>The {field} is not a date. Use MM/DD/YYYY, for example 03/15/1980.</source>
        <translation>Revise {field}: no es una fecha. Use MM/DD/AAAA, por ejemplo 03/15/1980.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="82"/>
        <source>The date of birth is in the future.</source>
        <translation>La fecha de nacimiento está en el futuro.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="83"/>
        <source>The date of birth makes this person younger than 14.</source>
        <translation>Con esa fecha de nacimiento la persona tendría menos de 14 años.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="85"/>
        <source>The date of birth makes this person older than 110; please check the year.</source>
        <translation>Con esa fecha de nacimiento la persona tendría más de 110 años; revise el año.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="87"/>
        <source>Choose a preferred language from the list.</source>
        <translation>Elija un idioma preferido de la lista.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="88"/>
        <source>Choose the highest education from the list.</source>
        <translation>Elija el nivel de educación más alto de la lista.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="89"/>
        <source>Choose an employment status from the list.</source>
        <translation>Elija una situación laboral de la lista.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="90"/>
        <source>Choose a cause of unemployment from the list.</source>
        <translation>Elija una causa del desempleo de la lista.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="92"/>
        <source>Digital skills are rated from 1 (new to computers) to 4 (very comfortable).</source>
        <translation>Las habilidades digitales van de 1 (nueva con computadoras) a 4 (muy cómoda).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="94"/>
        <source>Hours available each week must be more than 0 and at most 80.</source>
        <translation>Las horas disponibles por semana deben ser más de 0 y como máximo 80.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="96"/>
        <source>Unknown barrier: {names}.</source>
        <translation>Barrera desconocida: {names}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="97"/>
        <source>Answer yes or no.</source>
        <translation>Responda sí o no.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="98"/>
        <source>The agency customer id may hold only letters, digits and hyphens.</source>
        <translation>El id. de cliente de la agencia solo puede tener letras, dígitos y guiones.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="101"/>
        <source>&apos;{name}&apos; is not one of this state&apos;s attestation questions.</source>
        <translation>«{name}» no es una de las preguntas de la declaración de este estado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="103"/>
        <source>Answer the question: {question}</source>
        <translation>Responda la pregunta: {question}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="104"/>
        <source>Answer yes or no: {question}</source>
        <translation>Responda sí o no: {question}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="105"/>
        <source>Choose one of the listed answers: {question}</source>
        <translation>Elija una de las respuestas de la lista: {question}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="107"/>
        <source>Licenses for this program could be issued until {day}; that date has passed.</source>
        <translation>Las licencias de este programa se podían otorgar hasta el {day}; esa fecha ya pasó.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="109"/>
        <source>Offer the center&apos;s other services, and check with your supervisor whether the state has extended the program.</source>
        <translation>Ofrezca los demás servicios del centro y consulte con su supervisor si el estado prorrogó el programa.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="112"/>
        <source>This program starts on {day}.</source>
        <translation>Este programa empieza el {day}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="113"/>
        <source>Schedule a follow-up appointment for after the start date.</source>
        <translation>Programe una cita de seguimiento para después de la fecha de inicio.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="115"/>
        <source>{name} already has a license in this program: it is waiting for approval since {day}.</source>
        <translation>{name} ya tiene una licencia en este programa: está pendiente de aprobación desde el {day}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="117"/>
        <source>{name} already has a license in this program: it was issued on {day}.</source>
        <translation>{name} ya tiene una licencia en este programa: se otorgó el {day}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="119"/>
        <source>Check that the invitation e-mail arrived; if the address was wrong, correct it and ask an administrator to resend.</source>
        <translation>Compruebe que llegó el correo de invitación; si la dirección era incorrecta, corríjala y pida a un administrador que la reenvíe.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="122"/>
        <source>The eligibility attestation was not found for this person.</source>
        <translation>No se encontró la declaración de elegibilidad de esta persona.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="124"/>
        <source>Go back to the eligibility step and record the attestation.</source>
        <translation>Vuelva al paso de elegibilidad y registre la declaración.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="126"/>
        <source>Eligibility has not been checked for this person yet.</source>
        <translation>Todavía no se ha comprobado la elegibilidad de esta persona.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="128"/>
        <source>Record the self-attestation first.</source>
        <translation>Registre primero la autodeclaración.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="129"/>
        <source>The self-attestation shows this person is not eligible: {reasons}</source>
        <translation>La autodeclaración indica que esta persona no es elegible: {reasons}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="131"/>
        <source>The invitation goes by e-mail, and the e-mail address on file is missing or not valid ({problem})</source>
        <translation>La invitación se envía por correo electrónico, y la dirección registrada falta o no es válida ({problem})</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="134"/>
        <source>Correct the e-mail address in the job seeker&apos;s record, then issue the license.</source>
        <translation>Corrija la dirección de correo en el registro de la persona y luego otorgue la licencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="136"/>
        <source>This license is not waiting for approval.</source>
        <translation>Esta licencia no está pendiente de aprobación.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="137"/>
        <source>This device has no licenses left in its reserved block.</source>
        <translation>A este equipo no le quedan licencias en su bloque reservado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="139"/>
        <source>Connect to the network and sync to reserve more licenses.</source>
        <translation>Conéctese a la red y sincronice para reservar más licencias.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="141"/>
        <source>This license is already revoked.</source>
        <translation>Esta licencia ya está revocada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="142"/>
        <source>This license is already inactivated.</source>
        <translation>Esta licencia ya está desactivada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="143"/>
        <source>This license is not in the local records.</source>
        <translation>Esta licencia no está en los registros locales.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="144"/>
        <source>Only a program administrator can revoke or inactivate a license.</source>
        <translation>Solo un administrador del programa puede revocar o desactivar una licencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="146"/>
        <source>A license can be revoked or inactivated.</source>
        <translation>Una licencia se puede revocar o desactivar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="147"/>
        <source>Give the reason for this change; it is kept in the record.</source>
        <translation>Indique el motivo de este cambio; queda guardado en el registro.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="149"/>
        <source>The reason is too long (2,000 characters at most).</source>
        <translation>El motivo es demasiado largo (2.000 caracteres como máximo).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="151"/>
        <location filename="../core_messages.py" line="290"/>
        <location filename="../core_messages.py" line="374"/>
        <location filename="../core_messages.py" line="392"/>
        <location filename="../core_messages.py" line="470"/>
        <location filename="../core_messages.py" line="537"/>
        <source>This job seeker is not in the local records.</source>
        <translation>Esta persona no está en los registros locales.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="152"/>
        <source>This person may already be registered: {names}. Open the existing record, or confirm that this is a different person.</source>
        <translation>Puede que esta persona ya esté registrada: {names}. Abra el registro existente o confirme que se trata de otra persona.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="156"/>
        <source>The invitation file for {day} was made before; {rows:,} invitations were written again into {file}, the same people as then. Nobody is invited twice; licenses not sent yet go into the next day&apos;s file.</source>
        <translation>El archivo de invitaciones del {day} ya se había creado; se volvieron a escribir {rows:,} invitaciones en {file}, las mismas personas que entonces. Nadie recibe dos invitaciones; las licencias aún no enviadas van al archivo del día siguiente.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="158"/>
        <source>No licenses are waiting to be sent for {day} or earlier; no file was written.</source>
        <translation>No hay licencias por enviar del {day} ni anteriores; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="160"/>
        <source>{rows:,} invitations would go into {file}.</source>
        <translation>Irían {rows:,} invitaciones a {file}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="162"/>
        <source>{rows:,} invitations went into {file}.</source>
        <translation>Se escribieron {rows:,} invitaciones en {file}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="164"/>
        <source>{count:,} of them were issued on earlier days and had not been sent yet ({days}{more}).</source>
        <translation>{count:,} de ellas se otorgaron en días anteriores y aún no se habían enviado ({days}{more}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="166"/>
        <source>{count:,} licenses are waiting for approval and are not included until approved.</source>
        <translation>{count:,} licencias están pendientes de aprobación y no se incluyen hasta que se aprueben.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="169"/>
        <source>{file} was already imported on {day}; nothing was changed.</source>
        <translation>{file} ya se importó el {day}; no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="171"/>
        <source>Imported {rows:,} course rows for {learners:,} learners from {file}: {inserted:,} new, {updated:,} updated, {unchanged:,} unchanged.</source>
        <translation>Se importaron {rows:,} filas de cursos de {learners:,} estudiantes desde {file}: {inserted:,} nuevas, {updated:,} actualizadas, {unchanged:,} sin cambios.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="173"/>
        <source>{count:,} rows match no job seeker on this desk; they are kept for review.</source>
        <translation>{count:,} filas no corresponden a ninguna persona de este equipo; se guardan para revisarlas.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="176"/>
        <source>Row {row}, column “{column}”: “{value}” {problem}</source>
        <translation>Fila {row}, columna «{column}»: «{value}» {problem}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="178"/>
        <source>is not a date and time we can read (for example 2020-10-05 14:30).</source>
        <translation>no es una fecha y hora legible (por ejemplo 2020-10-05 14:30).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="180"/>
        <source>is not Yes or No.</source>
        <translation>no es Sí ni No (Yes/No).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="182"/>
        <source>{file} is larger than {limit_mb:,} MB, far more than any usage report; nothing was imported. Check that this is the provider&apos;s usage report, or split it and import the parts.</source>
        <translation>{file} ocupa más de {limit_mb:,} MB, mucho más que cualquier informe de uso; no se importó nada. Compruebe que es el informe de uso del proveedor, o divídalo e importe las partes.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="184"/>
        <source>{file} has more than {limit:,} rows, more than any spreadsheet holds; nothing was imported. Check that this is the provider&apos;s usage report.</source>
        <translation>{file} tiene más de {limit:,} filas, más de las que cabe en una hoja de cálculo; no se importó nada. Compruebe que es el informe de uso del proveedor.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="186"/>
        <source>{file} was not found; nothing was imported. Check the folder and the file name.</source>
        <translation>No se encontró {file}; no se importó nada. Compruebe la carpeta y el nombre del archivo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="188"/>
        <source>{file} could not be read: this account may not open it. Copy the file to your Documents folder and import the copy.</source>
        <translation>No se pudo leer {file}: esta cuenta no tiene permiso para abrirlo. Copie el archivo a su carpeta Documentos e importe la copia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="190"/>
        <source>The report {file} could not be read ({detail}); nothing was imported.</source>
        <translation>No se pudo leer el informe {file} ({detail}); no se importó nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="192"/>
        <source>{file} is not a file that holds a report (it is a folder, a device or a pipe); nothing was imported. Choose the CSV or Excel file you saved from the provider&apos;s site.</source>
        <translation>{file} no es un archivo que contenga un informe (es una carpeta, un dispositivo o una tubería); no se importó nada. Elija el archivo CSV o Excel que guardó desde el sitio del proveedor.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="194"/>
        <source>{file} could not be opened as a spreadsheet ({detail}). Export the report again, as CSV or Excel (.xlsx).</source>
        <translation>No se pudo abrir {file} como hoja de cálculo ({detail}). Vuelva a exportar el informe, como CSV o Excel (.xlsx).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="196"/>
        <source>{file} is empty: there is no header row and no data.</source>
        <translation>{file} está vacío: no tiene fila de encabezado ni datos.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="198"/>
        <source>{file} has more than {rows:,} rows; split it.</source>
        <translation>{file} tiene más de {rows:,} filas; divídalo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="200"/>
        <source>The report was not imported, and nothing was changed: its numbers mix decimal commas (1,5) and decimal points (2.5), so a value such as 1,500 could mean either. Export it again from the provider&apos;s site without editing it.</source>
        <translation>El informe no se importó y no se cambió nada: sus números mezclan comas decimales (1,5) y puntos decimales (2.5), así que un valor como 1,500 podría significar cualquiera de los dos. Vuelva a exportarlo desde el sitio del proveedor sin editarlo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="202"/>
        <source>The report was not imported, and nothing was changed: its dates mix day-first (20/11/2026) and month-first (11/20/2026) order, so a date such as 02/11/2026 could mean either. Export it again from the provider&apos;s site without editing it.</source>
        <translation>El informe no se importó y no se cambió nada: sus fechas mezclan el orden día/mes (20/11/2026) y mes/día (11/20/2026), así que una fecha como 02/11/2026 podría significar cualquiera de las dos. Vuelva a exportarlo desde el sitio del proveedor sin editarlo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="204"/>
        <source>{file} is not a text file we can read (its characters are in no encoding we know); nothing was imported. Save it from Excel as &quot;CSV UTF-8&quot; and import that.</source>
        <translation>{file} no es un archivo de texto legible (sus caracteres no están en ninguna codificación conocida); no se importó nada. Guárdelo desde Excel como «CSV UTF-8» e importe ese archivo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="206"/>
        <source>The report was not imported, and nothing was changed: it lacks the column {missing}. Columns found: {seen}. Export the provider&apos;s usage (enrollment) report with these columns and import it again.</source>
        <translation>El informe no se importó y no se cambió nada: le falta la columna {missing}. Columnas encontradas: {seen}. Exporte el informe de uso (inscripciones) del proveedor con estas columnas e impórtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="208"/>
        <source>is empty: every row needs the course name.</source>
        <translation>está vacía: cada fila necesita el nombre del curso.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="210"/>
        <source>is empty, and so is External ID: the row does not say who the learner is.</source>
        <translation>está vacía, y también External ID: la fila no dice quién es el estudiante.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="212"/>
        <source>is outside the program&apos;s dates ({start} to {end}); check the date, or that this is this program&apos;s report.</source>
        <translation>está fuera de las fechas del programa ({start} a {end}); compruebe la fecha, o que el informe sea de este programa.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="214"/>
        <source>is not a number of hours.</source>
        <translation>no es un número de horas.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="216"/>
        <source>is not a grade (a number).</source>
        <translation>no es una calificación (un número).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="218"/>
        <source>is more hours than any course takes (at most {hours:,.0f}); check the number&apos;s decimal mark.</source>
        <translation>son más horas de las que dura cualquier curso (como máximo {hours:,.0f}); compruebe el separador decimal del número.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="220"/>
        <source>is not a grade: grades run from 0 to 1, or 0 to 100 %.</source>
        <translation>no es una calificación: las calificaciones van de 0 a 1, o de 0 a 100 %.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="222"/>
        <source>The report {file} was not imported, and nothing was changed. Cells that need correcting: {count:,}.</source>
        <translation>El informe {file} no se importó y no se cambió nada. Celdas que hay que corregir: {count:,}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="225"/>
        <source>Sent {sent:,} changes: {applied:,} applied.</source>
        <translation>Se enviaron {sent:,} cambios: {applied:,} aplicados.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="227"/>
        <source>Sent {sent:,} changes: {applied:,} applied, {duplicates:,} already on the server, {conflicts:,} in conflict, {rejected:,} set aside.</source>
        <translation>Se enviaron {sent:,} cambios: {applied:,} aplicados, {duplicates:,} ya estaban en el servidor, {conflicts:,} en conflicto, {rejected:,} apartados.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="229"/>
        <source>Nothing new to send.</source>
        <translation>No hay nada nuevo que enviar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="231"/>
        <source>{count:,} records the agency server lacked were sent to it again first.</source>
        <translation>Primero se volvieron a enviar {count:,} registros que le faltaban al servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="233"/>
        <source>Received {count:,} updates from the agency server.</source>
        <translation>Se recibieron {count:,} actualizaciones del servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="235"/>
        <source>Licenses reserved for offline use: {count:,}.</source>
        <translation>Licencias reservadas para usar sin conexión: {count:,}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="237"/>
        <source>{count:,} pending licenses approved.</source>
        <translation>Se aprobaron {count:,} licencias pendientes.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="239"/>
        <source>Not yet on the server: {queued:,} queued, {parked:,} set aside, {conflicts:,} in conflict.</source>
        <translation>Aún no están en el servidor: {queued:,} por enviar, {parked:,} apartados, {conflicts:,} en conflicto.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="241"/>
        <source>Open the Sync page in the app to fix, resend or resolve them.</source>
        <translation>Abra la página Sincronización de la aplicación para corregirlos, reenviarlos o resolverlos.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="243"/>
        <source>Not yet on the server: {queued:,} queued ({waiting:,} waiting behind a change that needs attention), {parked:,} set aside, {conflicts:,} in conflict.</source>
        <translation>Aún no están en el servidor: {queued:,} por enviar ({waiting:,} esperan detrás de un cambio que requiere atención), {parked:,} apartados, {conflicts:,} en conflicto.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="245"/>
        <source>Nothing is waiting on this desk to be sent.</source>
        <translation>No hay nada en este equipo esperando a enviarse.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="247"/>
        <source>Everything is on the agency server.</source>
        <translation>Todo está en el servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="249"/>
        <source>The agency server was restored from an older backup; records it lacked were sent again.</source>
        <translation>El servidor de la agencia se restauró desde una copia de seguridad anterior; se volvieron a enviar los registros que le faltaban.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="251"/>
        <source>Licenses were not re-reserved: some licenses issued here are not on the server yet.</source>
        <translation>No se volvieron a reservar licencias: algunas licencias otorgadas aquí aún no están en el servidor.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="253"/>
        <source>Licenses were not reserved for offline use: {reason}</source>
        <translation>No se reservaron licencias para usar sin conexión: {reason}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="255"/>
        <source>{count:,} licenses stay pending approval.</source>
        <translation>{count:,} licencias siguen pendientes de aprobación.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="257"/>
        <source>{count:,} licenses stay pending approval: the agency server has no license pool set for this program yet (an administrator sets it).</source>
        <translation>{count:,} licencias siguen pendientes de aprobación: el servidor de la agencia aún no tiene un cupo de licencias para este programa (lo fija un administrador).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="259"/>
        <source>{count:,} licenses stay pending approval: the statewide pool of {pool:,} licenses is used up.</source>
        <translation>{count:,} licencias siguen pendientes de aprobación: el cupo estatal de {pool:,} licencias está agotado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="261"/>
        <source>{count:,} licenses stay pending approval: the statewide pool has only {left:,} licenses left, some of them reserved by other devices.</source>
        <translation>{count:,} licencias siguen pendientes de aprobación: al cupo estatal solo le quedan {left:,} licencias, algunas reservadas por otros equipos.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="263"/>
        <source>{count:,} records the agency server lacked were sent again.</source>
        <translation>Se volvieron a enviar {count:,} registros que le faltaban al servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="265"/>
        <source>The agency server was restored from an older copy of its database; this desk compared its records with it.</source>
        <translation>El servidor de la agencia se restauró a partir de una copia anterior de su base de datos; este escritorio comparó sus registros con ella.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="267"/>
        <source>{count:,} records were changed on the agency server by someone else after it was restored, and this desk&apos;s changes were lost there: resolve them on the Sync page.</source>
        <translation>{count:,} registros fueron cambiados en el servidor de la agencia por otra persona después de restaurarlo, y allí se perdieron los cambios de este escritorio: resuélvalos en la página Sincronización.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="269"/>
        <source>{count:,} bookings made at another desk take the same time as a booking here for the same counselor; the Calendar marks them &quot;double-booked&quot;: move or cancel one.</source>
        <translation>{count:,} citas reservadas en otro escritorio ocupan la misma hora que una cita de aquí con el mismo consejero; el Calendario las marca como &quot;reserva doble&quot;: mueva o cancele una.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="272"/>
        <location filename="../core_messages.py" line="370"/>
        <source>This appointment is not in the local records.</source>
        <translation>Esta cita no está en los registros locales.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="274"/>
        <source>An appointment is either scheduled or a walk-in.</source>
        <translation>Una cita es programada o sin cita previa.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="276"/>
        <source>The place is either the center or an outreach event.</source>
        <translation>El lugar es el centro o un evento de alcance comunitario.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="278"/>
        <source>Choose the appointment&apos;s outcome from the list.</source>
        <translation>Elija el resultado de la cita de la lista.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="280"/>
        <source>This time has already passed. Choose a later time.</source>
        <translation>Esa hora ya pasó. Elija una hora posterior.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="282"/>
        <source>Without a job seeker, choose Left before being seen or Needs a follow-up.</source>
        <translation>Sin una persona que busca empleo, elija Se fue antes de ser atendido o Necesita seguimiento.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="284"/>
        <source>This outcome needs a license issued in this appointment; choose another outcome.</source>
        <translation>Este resultado requiere una licencia emitida en esta cita; elija otro resultado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="286"/>
        <source>Unknown appointment status.</source>
        <translation>Estado de cita desconocido.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="288"/>
        <source>The notes are too long (10,000 characters at most).</source>
        <translation>Las notas son demasiado largas (10.000 caracteres como máximo).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="292"/>
        <source>Write the note before saving it.</source>
        <translation>Escriba la nota antes de guardarla.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="294"/>
        <source>The note is too long (10,000 characters at most).</source>
        <translation>La nota es demasiado larga (10.000 caracteres como máximo).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="297"/>
        <source>{name} is larger than {value} MB; split the list.</source>
        <translation>{name} ocupa más de {value} MB; divida la lista.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="299"/>
        <source>{name} is an old-style Excel file (.xls). Save it as .xlsx or CSV.</source>
        <translation>{name} es un archivo de Excel antiguo (.xls). Guárdelo como .xlsx o CSV.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="301"/>
        <source>{name} has no header row with names and an e-mail, phone or customer id column (for example: First Name, Last Name, Email, Phone).</source>
        <translation>{name} no tiene una fila de encabezado con nombres y una columna de correo, teléfono o número de cliente (por ejemplo: First Name, Last Name, Email, Phone).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="303"/>
        <source>{name} has more than {max_rows:,} people; split the list.</source>
        <translation>{name} tiene más de {max_rows:,} personas; divida la lista.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="305"/>
        <source>{name} was not imported: {count} cell(s) could not be read.</source>
        <translation>{name} no se importó: no se pudieron leer {count} celda(s).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="307"/>
        <source>{name} has a header but nobody in it.</source>
        <translation>{name} tiene encabezado pero ninguna persona.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="309"/>
        <location filename="../core_messages.py" line="539"/>
        <source>This person is no longer on the campaign list.</source>
        <translation>Esta persona ya no está en la lista de la campaña.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="311"/>
        <source>Only a supervisor can import a campaign list.</source>
        <translation>Solo un supervisor puede importar una lista de campaña.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="313"/>
        <source>Give the campaign a name.</source>
        <translation>Dé un nombre a la campaña.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="315"/>
        <source>This campaign is not in the local records.</source>
        <translation>Esta campaña no está en los registros locales.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="317"/>
        <source>Choose how the call or e-mail went.</source>
        <translation>Elija cómo fue la llamada o el correo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="319"/>
        <source>Choose why the person declined.</source>
        <translation>Elija por qué la persona no aceptó.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="321"/>
        <source>Book the appointment first, then record it as set.</source>
        <translation>Reserve primero la cita y luego regístrela como concertada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="323"/>
        <source>{claimed_by} is working with this person now.</source>
        <translation>{claimed_by} está atendiendo a esta persona ahora.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="326"/>
        <source>Unknown milestone kind {kind!r}.</source>
        <translation>Tipo de hito desconocido {kind!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="328"/>
        <source>Stored plan has version {plan_version!r}; this app reads version {plan_version2}.</source>
        <translation>El plan guardado tiene la versión {plan_version!r}; esta aplicación lee la versión {plan_version2}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="330"/>
        <source>Stored plan is missing the field {value!r}.</source>
        <translation>Al plan guardado le falta el campo {value!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="332"/>
        <source>Stored plan is damaged: {exc}.</source>
        <translation>El plan guardado está dañado: {exc}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="334"/>
        <source>Stored plan field {field!r} must be text, got {value!r}.</source>
        <translation>El campo {field!r} del plan guardado debe ser texto, y es {value!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="336"/>
        <source>Stored plan field {field!r} must be one of {value}, got {value2!r}.</source>
        <translation>El campo {field!r} del plan guardado debe ser uno de {value}, y es {value2!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="338"/>
        <source>Stored plan field {field!r} must be a number of hours, got {value!r}.</source>
        <translation>El campo {field!r} del plan guardado debe ser un número de horas, y es {value!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="340"/>
        <source>Stored plan field {field!r} must be true or false, got {value!r}.</source>
        <translation>El campo {field!r} del plan guardado debe ser verdadero o falso, y es {value!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="342"/>
        <source>Stored plan field {field!r} must be a date (YYYY-MM-DD), got {value!r}.</source>
        <translation>El campo {field!r} del plan guardado debe ser una fecha (AAAA-MM-DD), y es {value!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="344"/>
        <source>Weekly hours must be more than 0 and at most {max_weekly_hours} (got {weekly_hours!r}).</source>
        <translation>Las horas semanales deben ser más de 0 y como máximo {max_weekly_hours} (se indicó {weekly_hours!r}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="346"/>
        <source>{name} must be a date (got {value!r}).</source>
        <translation>{name} debe ser una fecha (se indicó {value!r}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="348"/>
        <source>chosen_ids must be a list of ids, not one string.</source>
        <translation>chosen_ids debe ser una lista de identificadores, no un solo texto.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="350"/>
        <source>Not in the catalog: {ids}.</source>
        <translation>No están en el catálogo: {ids}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="353"/>
        <source>must be a JSON object of field: value</source>
        <translation>debe ser un objeto JSON de campo: valor</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="356"/>
        <source>The database key is malformed.</source>
        <translation>La clave de la base de datos no tiene un formato válido.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="358"/>
        <source>This data folder was erased; its database cannot be opened.</source>
        <translation>Esta carpeta de datos se borró; su base de datos no se puede abrir.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="360"/>
        <source>The local database could not be opened: the file is damaged or was encrypted with a different key (for example, copied from another computer).</source>
        <translation>No se pudo abrir la base de datos local: el archivo está dañado o se cifró con otra clave (por ejemplo, se copió de otra computadora).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="362"/>
        <source>This database was written by a newer version of Counselor Desk. Install the newer version to open it.</source>
        <translation>Esta base de datos la escribió una versión más reciente de Counselor Desk. Instale esa versión para abrirla.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="365"/>
        <source>The agency profile&apos;s eligibility rules have no pathways.</source>
        <translation>Las reglas de elegibilidad del perfil de la agencia no tienen vías de acceso.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="367"/>
        <source>The eligibility rules refer to a question the profile does not ask: {qid}.</source>
        <translation>Las reglas de elegibilidad se refieren a una pregunta que el perfil no hace: {qid}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="372"/>
        <source>This appointment has already started or ended.</source>
        <translation>Esta cita ya empezó o terminó.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="376"/>
        <source>Enter the name of the person who arrived.</source>
        <translation>Escriba el nombre de la persona que llegó.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="378"/>
        <source>{name} is already on the waiting list.</source>
        <translation>{name} ya está en la lista de espera.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="380"/>
        <source>This person is no longer on the waiting list.</source>
        <translation>Esta persona ya no está en la lista de espera.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="382"/>
        <source>{display_name} has already been called in.</source>
        <translation>{display_name} ya fue llamado a pasar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="385"/>
        <source>{name} already exists in {parent}; it may be an earlier file that was not uploaded yet. Choose another file name.</source>
        <translation>{name} ya existe en {parent}; puede ser un archivo anterior que aún no se subió. Elija otro nombre de archivo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="387"/>
        <source>There is no invitation file with this id on this desk.</source>
        <translation>No hay ningún archivo de invitaciones con este identificador en este equipo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="389"/>
        <source>The invitation file could not be written to {parent} ({strerror}); no license was marked as sent.</source>
        <translation>No se pudo escribir el archivo de invitaciones en {parent} ({strerror}); ninguna licencia se marcó como enviada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="394"/>
        <source>Someone else saved changes to this job seeker while you were editing. Reopen the record to see them, then make your change again.</source>
        <translation>Otra persona guardó cambios en este registro mientras usted lo editaba. Vuelva a abrir el registro para verlos y luego haga su cambio de nuevo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="397"/>
        <source>The agency&apos;s recovery key is not a PEM public key. Ask IT for the file made with &apos;openssl pkey -pubout&apos;.</source>
        <translation>La clave de recuperación de la agencia no es una clave pública PEM. Pida a informática el archivo creado con &apos;openssl pkey -pubout&apos;.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="399"/>
        <source>The agency&apos;s recovery key must be an RSA public key.</source>
        <translation>La clave de recuperación de la agencia debe ser una clave pública RSA.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="401"/>
        <source>The agency&apos;s recovery key is too short ({key_size} bits); it needs at least {min_rsa_bits}.</source>
        <translation>La clave de recuperación de la agencia es demasiado corta ({key_size} bits); necesita al menos {min_rsa_bits}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="403"/>
        <source>The escrow file {name} cannot be read.</source>
        <translation>No se puede leer el archivo de custodia {name}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="405"/>
        <source>The agency&apos;s recovery key file {public_key_file} cannot be read.</source>
        <translation>No se puede leer el archivo de la clave de recuperación de la agencia {public_key_file}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="407"/>
        <source>There is no escrow file ({name}) next to the database: this desk&apos;s key was never sealed to the agency&apos;s recovery key.</source>
        <translation>No hay archivo de custodia ({name}) junto a la base de datos: la clave de este equipo nunca se selló con la clave de recuperación de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="409"/>
        <source>The escrow file was written by a newer version of Counselor Desk.</source>
        <translation>El archivo de custodia lo escribió una versión más reciente de Counselor Desk.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="411"/>
        <source>The private recovery key is protected by a passphrase; give it.</source>
        <translation>La clave privada de recuperación está protegida con una frase de contraseña; indíquela.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="413"/>
        <source>The private recovery key cannot be read (wrong file or wrong passphrase).</source>
        <translation>No se puede leer la clave privada de recuperación (archivo o frase de contraseña incorrectos).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="415"/>
        <source>This private key is not the recovery key this desk&apos;s key was sealed to (the escrow names fingerprint {value}…).</source>
        <translation>Esta clave privada no es la clave de recuperación con la que se selló la clave de este equipo (la custodia indica la huella {value}…).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="417"/>
        <source>The escrow file is damaged: the key cannot be unsealed.</source>
        <translation>El archivo de custodia está dañado: la clave no se puede abrir.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="419"/>
        <source>The escrow file is damaged: the unsealed key does not match its check value.</source>
        <translation>El archivo de custodia está dañado: la clave abierta no coincide con su valor de comprobación.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="421"/>
        <source>Use at least {min_rsa_bits} bits.</source>
        <translation>Use al menos {min_rsa_bits} bits.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="423"/>
        <source>{path} already exists; it is not overwritten.</source>
        <translation>{path} ya existe; no se sobrescribe.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="425"/>
        <source>The encryption key of this desk&apos;s database is no longer in this computer&apos;s keyring, so the records cannot be opened here now. Nothing is lost: the key was sealed to the agency&apos;s recovery key. Ask IT to run &apos;counselor-app recover-key --private-key FILE&apos; for this data folder (see docs/DEPLOYMENT.md, &apos;Recovering a desk whose key was lost&apos;).</source>
        <translation>La clave de cifrado de la base de datos de este equipo ya no está en el llavero de esta computadora, así que los registros no se pueden abrir aquí por ahora. No se pierde nada: la clave se selló con la clave de recuperación de la agencia. Pida a informática que ejecute &apos;counselor-app recover-key --private-key FILE&apos; para esta carpeta de datos (vea docs/DEPLOYMENT.md, &apos;Recovering a desk whose key was lost&apos;).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="428"/>
        <source>The encryption key for this database is not in this computer&apos;s keyring, so the data cannot be opened. If the data folder was copied from another computer, it can only be opened there.</source>
        <translation>La clave de cifrado de esta base de datos no está en el llavero de esta computadora, así que los datos no se pueden abrir. Si la carpeta de datos se copió de otra computadora, solo se puede abrir allí.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="431"/>
        <source>There is no such counselor on this desk.</source>
        <translation>No existe ese consejero en este equipo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="434"/>
        <source>The outcome rules {name} are not valid JSON ({exc}).</source>
        <translation>Las reglas de resultados {name} no son JSON válido ({exc}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="436"/>
        <source>There are no outcome rules for the state &apos;{state}&apos; (expected resources/outcomes/{name}.json).</source>
        <translation>No hay reglas de resultados para el estado &apos;{state}&apos; (se esperaba resources/outcomes/{name}.json).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="438"/>
        <source>The outcome rules for {state} need a label and a code for {value}.</source>
        <translation>Las reglas de resultados de {state} necesitan una etiqueta y un código para {value}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="440"/>
        <source>The outcome rules for {state} are missing or have a wrong field ({exc}).</source>
        <translation>Las reglas de resultados de {state} faltan o tienen un campo incorrecto ({exc}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="442"/>
        <source>Only a program administrator can review outcomes for the state&apos;s system.</source>
        <translation>Solo un administrador del programa puede revisar los resultados para el sistema del estado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="444"/>
        <source>The date of an outcome cannot be in the future.</source>
        <translation>La fecha de un resultado no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="446"/>
        <source>The course or credential name is too long (300 characters).</source>
        <translation>El nombre del curso o credencial es demasiado largo (300 caracteres).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="448"/>
        <source>This outcome is not in the local records.</source>
        <translation>Este resultado no está en los registros locales.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="450"/>
        <source>This outcome is already {status}.</source>
        <translation>Este resultado ya está en estado «{status}».</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="452"/>
        <source>proposed</source>
        <translation>propuesto</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="453"/>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="454"/>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="455"/>
        <source>entered in the state&apos;s system</source>
        <translation>ingresado en el sistema del estado</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="456"/>
        <source>An outcome that is {status} cannot be changed.</source>
        <translation>Un resultado en estado «{status}» no se puede cambiar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="458"/>
        <source>Give the reason for rejecting this outcome; it is kept in the record.</source>
        <translation>Indique el motivo para rechazar este resultado; queda guardado en el registro.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="460"/>
        <source>Only a proposed outcome can be rejected; this one is {status}.</source>
        <translation>Solo se puede rechazar un resultado propuesto; este está en estado «{status}».</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="463"/>
        <source>The e-mail could not be sent ({reason}). Check the mail relay in the reminder settings; nothing was marked as sent.</source>
        <translation>No se pudo enviar el correo ({reason}). Revise el servidor de correo en la configuración de recordatorios; no se marcó nada como enviado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="466"/>
        <source>This referral is not on this desk.</source>
        <translation>Esta derivación no está en este equipo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="468"/>
        <source>This referral was already handled.</source>
        <translation>Esta derivación ya se atendió.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="473"/>
        <source>The agency profile {name} is not valid JSON ({exc}).</source>
        <translation>El perfil de la agencia {name} no es JSON válido ({exc}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="475"/>
        <source>The agency profile {name} must be a JSON object.</source>
        <translation>El perfil de la agencia {name} debe ser un objeto JSON.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="477"/>
        <source>There is no agency profile named &apos;{profile_id}&apos;. Known profiles: {known}.</source>
        <translation>No hay ningún perfil de agencia llamado &apos;{profile_id}&apos;. Perfiles conocidos: {known}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="479"/>
        <source>The agency profile is missing {where}.{key}.</source>
        <translation>Al perfil de la agencia le falta {where}.{key}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="481"/>
        <source>{where}.{key} in the agency profile is not a date (YYYY-MM-DD).</source>
        <translation>{where}.{key} en el perfil de la agencia no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="483"/>
        <source>The agency profile is missing the field {value!r}.</source>
        <translation>Al perfil de la agencia le falta el campo {value!r}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="485"/>
        <source>The agency profile has a value of the wrong kind ({exc}).</source>
        <translation>El perfil de la agencia tiene un valor de tipo incorrecto ({exc}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="487"/>
        <source>The agency profile&apos;s program dates are out of order (start, issue-by, enroll-by, complete-by).</source>
        <translation>Las fechas del programa en el perfil de la agencia no están en orden (inicio, otorgar antes de, inscribirse antes de, terminar antes de).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="489"/>
        <source>The agency profile&apos;s license pool cannot be negative.</source>
        <translation>El cupo de licencias del perfil de la agencia no puede ser negativo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="492"/>
        <source>Only a supervisor or program administrator can send reminders.</source>
        <translation>Solo un supervisor o un administrador del programa puede enviar recordatorios.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="494"/>
        <source>Only a program administrator can set up the mail relay.</source>
        <translation>Solo un administrador del programa puede configurar el servidor de correo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="497"/>
        <source>Only a supervisor or program administrator can {what}.</source>
        <translation>Solo un supervisor o un administrador del programa puede hacer esto: {what}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="499"/>
        <source>export reminder lists (they name job seekers)</source>
        <translation>exportar listas de recordatorios (nombran a personas que buscan empleo)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="500"/>
        <source>export the program summary (its detail sheet names job seekers)</source>
        <translation>exportar el resumen del programa (su hoja de detalle nombra a personas que buscan empleo)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="501"/>
        <source>import the provider&apos;s progress reports</source>
        <translation>importar los informes de progreso del proveedor</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="502"/>
        <source>make the invitation file (it lists job seekers&apos; names and e-mail addresses)</source>
        <translation>preparar el archivo de invitaciones (enumera nombres y correos electrónicos de personas que buscan empleo)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="503"/>
        <source>match progress rows to job seekers</source>
        <translation>asociar filas de progreso con personas que buscan empleo</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="504"/>
        <source>propose outcomes from learner progress</source>
        <translation>proponer resultados a partir del progreso de los participantes</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="505"/>
        <source>review outcomes (they name job seekers)</source>
        <translation>revisar resultados (nombran a personas que buscan empleo)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="506"/>
        <source>review unmatched progress rows</source>
        <translation>revisar filas de progreso sin asociar</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="507"/>
        <source>see a list of job seekers</source>
        <translation>ver una lista de personas que buscan empleo</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="508"/>
        <source>see reminder lists (they name job seekers)</source>
        <translation>ver listas de recordatorios (nombran a personas que buscan empleo)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="509"/>
        <source>see removal files (they name job seekers)</source>
        <translation>ver archivos de bajas (nombran a personas que buscan empleo)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="510"/>
        <source>write removal files</source>
        <translation>escribir archivos de bajas</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="511"/>
        <source>Only a supervisor or program administrator can see program-wide figures; a counselor can see the figures for their own licenses.</source>
        <translation>Solo un supervisor o un administrador del programa puede ver las cifras de todo el programa; un consejero puede ver las cifras de sus propias licencias.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="513"/>
        <source>No center is named &apos;{value}&apos;. Centers on this desk: {names}.</source>
        <translation>Ningún centro se llama &apos;{value}&apos;. Centros en este equipo: {names}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="515"/>
        <source>More than one center matches &apos;{value}&apos;; give more of the name. Centers: {names}.</source>
        <translation>Más de un centro coincide con &apos;{value}&apos;; escriba más del nombre. Centros: {names}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="517"/>
        <source>No counselor is named &apos;{value}&apos; on this desk.</source>
        <translation>Ningún consejero se llama &apos;{value}&apos; en este equipo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="519"/>
        <source>More than one counselor matches &apos;{value}&apos;; give the full name or user name.</source>
        <translation>Más de un consejero coincide con &apos;{value}&apos;; escriba el nombre completo o el nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="522"/>
        <source>The agency profile&apos;s retention value is not a number of days.</source>
        <translation>El valor de conservación del perfil de la agencia no es un número de días.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="524"/>
        <source>The agency profile&apos;s retention period cannot be negative.</source>
        <translation>El período de conservación del perfil de la agencia no puede ser negativo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="526"/>
        <source>The agency profile&apos;s retention value must say its source.</source>
        <translation>El valor de conservación del perfil de la agencia debe indicar su fuente.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="528"/>
        <source>The agency profile sets no retention period for this desk, so nothing is purged.</source>
        <translation>El perfil de la agencia no fija un período de conservación para este equipo, así que no se elimina nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="531"/>
        <source>Choose in person, outreach event, phone or video.</source>
        <translation>Elija en persona, evento de alcance comunitario, teléfono o video.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="533"/>
        <source>An appointment lasts {min_minutes} minutes to 8 hours.</source>
        <translation>Una cita dura de {min_minutes} minutos a 8 horas.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="535"/>
        <source>Choose whom the appointment is for.</source>
        <translation>Elija para quién es la cita.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="541"/>
        <source>Only an appointment that has not started can be marked so.</source>
        <translation>Solo se puede marcar así una cita que no ha empezado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="543"/>
        <source>An appointment can be marked as missed only once its time has come.</source>
        <translation>Una cita solo se puede marcar como no asistida cuando llega su hora.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="545"/>
        <source>This booking is not in the local records.</source>
        <translation>Esta reserva no está en los registros locales.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="547"/>
        <source>Only an appointment that has not started can be moved.</source>
        <translation>Solo se puede mover una cita que no ha comenzado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="550"/>
        <source>&apos;{field}&apos; cannot be corrected here.</source>
        <translation>&apos;{field}&apos; no se puede corregir aquí.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="552"/>
        <source>This change is no longer waiting to be sent.</source>
        <translation>Este cambio ya no está esperando a enviarse.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="554"/>
        <source>This change is {status}, not {value}.</source>
        <translation>Este cambio está en estado «{status}», no «{value}».</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="556"/>
        <source>The server&apos;s version of this record is missing; sync again.</source>
        <translation>Falta la versión del servidor de este registro; vuelva a sincronizar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="558"/>
        <source>Choose mine or theirs.</source>
        <translation>Elija la mía o la del servidor.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="560"/>
        <source>Choose mine, theirs, or field by field.</source>
        <translation>Elija la mía, la del servidor o campo por campo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="563"/>
        <source>No agency server is set up. Sign in to the agency server first.</source>
        <translation>No hay ningún servidor de la agencia configurado. Inicie sesión primero en el servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="565"/>
        <source>Sign in to the agency server to sync.</source>
        <translation>Inicie sesión en el servidor de la agencia para sincronizar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="567"/>
        <source>A sync is already running.</source>
        <translation>Ya hay una sincronización en curso.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="570"/>
        <source>The agency server answered more changes than were sent.</source>
        <translation>El servidor de la agencia respondió a más cambios de los que se enviaron.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="572"/>
        <source>The agency server&apos;s answer was not understood. Check the server address; the server may run a different protocol version.</source>
        <translation>No se entendió la respuesta del servidor de la agencia. Revise la dirección del servidor; puede que use otra versión del protocolo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="574"/>
        <source>Sign in to the agency server first.</source>
        <translation>Inicie sesión primero en el servidor de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="576"/>
        <source>The agency server&apos;s certificate could not be verified, so nothing was sent. If your agency uses its own certificate authority, set its CA bundle in the sync settings.</source>
        <translation>No se pudo verificar el certificado del servidor de la agencia, así que no se envió nada. Si su agencia usa su propia autoridad de certificación, indique su paquete de CA en la configuración de sincronización.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="578"/>
        <source>The agency server&apos;s address is not valid.</source>
        <translation>La dirección del servidor de la agencia no es válida.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="580"/>
        <source>The agency server did not accept the user name or password.</source>
        <translation>El servidor de la agencia no aceptó el nombre de usuario o la contraseña.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="582"/>
        <source>Your sign-in to the agency server has ended. Sign in again to sync; nothing waiting to be sent was lost.</source>
        <translation>Su sesión en el servidor de la agencia terminó. Vuelva a iniciar sesión para sincronizar; no se perdió nada de lo pendiente de enviar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="584"/>
        <source>The agency server is busy and asked to wait {wait:.0f} seconds; sync will try again later. Nothing waiting to be sent was lost.</source>
        <translation>El servidor de la agencia está ocupado y pidió esperar {wait:.0f} segundos; la sincronización lo intentará más tarde. No se perdió nada de lo pendiente de enviar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="586"/>
        <source>The agency server could not be reached ({last_problem}). Sync will try again; nothing waiting to be sent was lost.</source>
        <translation>No se pudo conectar con el servidor de la agencia ({last_problem}). La sincronización lo intentará de nuevo; no se perdió nada de lo pendiente de enviar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="589"/>
        <source>{name} is not valid JSON ({exc}).</source>
        <translation>{name} no es JSON válido ({exc}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="591"/>
        <source>There are no reminder templates in the language &apos;{language}&apos;.</source>
        <translation>No hay plantillas de recordatorio en el idioma &apos;{language}&apos;.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="593"/>
        <source>The {language} reminder templates have no message for the list &apos;{name}&apos;.</source>
        <translation>Las plantillas de recordatorio en {language} no tienen mensaje para la lista &apos;{name}&apos;.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="595"/>
        <source>The {language} template for &apos;{name}&apos; has a broken merge field ({exc}).</source>
        <translation>La plantilla en {language} de &apos;{name}&apos; tiene un campo combinado roto ({exc}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="597"/>
        <source>The {language} template for &apos;{name}&apos; uses unknown merge fields: {value}.</source>
        <translation>La plantilla en {language} de &apos;{name}&apos; usa campos combinados desconocidos: {value}.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="599"/>
        <source>The mail relay is not set up: enter the relay&apos;s host name and the sender address in the reminder settings.</source>
        <translation>El servidor de correo no está configurado: escriba el nombre del servidor y la dirección del remitente en la configuración de recordatorios.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="601"/>
        <source>The mail relay&apos;s password is not saved on this computer; enter it in the reminder settings.</source>
        <translation>La contraseña del servidor de correo no está guardada en esta computadora; escríbala en la configuración de recordatorios.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="603"/>
        <source>The mail relay refused the user name or password.</source>
        <translation>El servidor de correo rechazó el nombre de usuario o la contraseña.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="605"/>
        <source>The mail relay does not offer sign-in on this connection; check the security setting (STARTTLS or TLS) with the agency&apos;s IT.</source>
        <translation>El servidor de correo no ofrece inicio de sesión en esta conexión; revise la opción de seguridad (STARTTLS o TLS) con informática de la agencia.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="607"/>
        <source>The mail relay {smtp_host}:{smtp_port} could not be reached ({reason}).</source>
        <translation>No se pudo conectar con el servidor de correo {smtp_host}:{smtp_port} ({reason}).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="609"/>
        <source>The mail relay refused the sender address; check it in the mail relay settings.</source>
        <translation>El servidor de correo rechazó la dirección del remitente; revísela en la configuración del servidor de correo.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="612"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Se canceló la importación; no se escribió nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="619"/>
        <source>Counselor Desk keeps its encryption key in the system keyring, and no usable keyring was found on this computer. To fix this: on Windows or macOS, sign in to your user account normally (the keyring opens with it); on Linux, install and unlock a keyring such as GNOME Keyring or KWallet (for example &apos;sudo apt install gnome-keyring&apos; and sign in again). For a test machine without a desktop, you may set PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring (after &apos;pip install keyrings.alt&apos;); that stores the key unprotected and is for development only. The app will not store job seekers&apos; data unencrypted.</source>
        <translation>Counselor Desk guarda su clave de cifrado en el llavero del sistema, y no se encontró un llavero utilizable en esta computadora. Para solucionarlo: en Windows o macOS, inicie sesión en su cuenta de usuario de la forma habitual (el llavero se abre con ella); en Linux, instale y desbloquee un llavero como GNOME Keyring o KWallet (por ejemplo &apos;sudo apt install gnome-keyring&apos; y vuelva a iniciar sesión). En una máquina de pruebas sin escritorio, puede fijar PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring (después de &apos;pip install keyrings.alt&apos;); eso guarda la clave sin protección y es solo para desarrollo. La aplicación no guarda datos de personas sin cifrar.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="621"/>
        <source>The system keyring could not be read ({reason}). If the keyring is locked, unlock it (sign in to your computer account again) and retry. {help}</source>
        <translation>No se pudo leer el llavero del sistema ({reason}). Si el llavero está bloqueado, desbloquéelo (vuelva a iniciar sesión en su cuenta) e inténtelo de nuevo. {help}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="623"/>
        <source>The system keyring could not be written ({reason}). If the keyring is locked, unlock it (sign in to your computer account again) and retry. {help}</source>
        <translation>No se pudo escribir en el llavero del sistema ({reason}). Si el llavero está bloqueado, desbloquéelo (vuelva a iniciar sesión en su cuenta) e inténtelo de nuevo. {help}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="625"/>
        <source>The system keyring could not be changed ({reason}). If the keyring is locked, unlock it (sign in to your computer account again) and retry. {help}</source>
        <translation>No se pudo cambiar el llavero del sistema ({reason}). Si el llavero está bloqueado, desbloquéelo (vuelva a iniciar sesión en su cuenta) e inténtelo de nuevo. {help}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="627"/>
        <source>The keyring did not keep the new encryption key. {help}</source>
        <translation>El llavero no conservó la nueva clave de cifrado. {help}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="630"/>
        <source>{what} could not be saved: the disk in {folder} is full. Free some space (empty the Recycle Bin, delete old exports) or choose another drive, and try again. Nothing was saved.</source>
        <translation>No se pudo guardar {what}: el disco de {folder} está lleno. Libere espacio (vacíe la Papelera, borre exportaciones antiguas) o elija otra unidad, e inténtelo de nuevo. No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="632"/>
        <source>{what} could not be saved: the disk is full. Free some space (empty the Recycle Bin, delete old exports) or choose another drive, and try again. Nothing was saved.</source>
        <translation>No se pudo guardar {what}: el disco está lleno. Libere espacio (vacíe la Papelera, borre exportaciones antiguas) o elija otra unidad, e inténtelo de nuevo. No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="634"/>
        <source>{what} could not be saved: this account may not write in {folder}. Choose another folder (for example Documents) and try again. Nothing was saved.</source>
        <translation>No se pudo guardar {what}: esta cuenta no tiene permiso para escribir en {folder}. Elija otra carpeta (por ejemplo Documentos) e inténtelo de nuevo. No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="636"/>
        <source>{what} could not be saved: this account may not write. Choose another folder (for example Documents) and try again. Nothing was saved.</source>
        <translation>No se pudo guardar {what}: esta cuenta no tiene permiso para escribir. Elija otra carpeta (por ejemplo Documentos) e inténtelo de nuevo. No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="638"/>
        <source>{what} could not be saved ({reason}) in {folder}. Check the disk and try again. Nothing was saved.</source>
        <translation>No se pudo guardar {what} ({reason}) en {folder}. Revise el disco e inténtelo de nuevo. No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="640"/>
        <source>{what} could not be saved ({reason}). Check the disk and try again. Nothing was saved.</source>
        <translation>No se pudo guardar {what} ({reason}). Revise el disco e inténtelo de nuevo. No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="642"/>
        <source>The change could not be saved: the disk is full. Nothing was changed. Free some space (empty the Recycle Bin, delete old exports) and try again; what you typed is still on the screen.</source>
        <translation>No se pudo guardar el cambio: el disco está lleno. No se cambió nada. Libere espacio (vacíe la Papelera, borre exportaciones antiguas) e inténtelo de nuevo; lo que escribió sigue en la pantalla.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="644"/>
        <source>The change could not be saved: the data folder is read-only. Nothing was changed. Ask IT to check the data folder&apos;s permissions.</source>
        <translation>No se pudo guardar el cambio: la carpeta de datos es de solo lectura. No se cambió nada. Pida a informática que revise los permisos de la carpeta de datos.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="646"/>
        <source>The change could not be saved: the disk reported an error. Nothing was changed. Try again; if it happens again, ask IT to check the disk.</source>
        <translation>No se pudo guardar el cambio: el disco informó un error. No se cambió nada. Inténtelo de nuevo; si vuelve a ocurrir, pida a informática que revise el disco.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="649"/>
        <source>The summary workbook</source>
        <translation>el libro de resumen</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="652"/>
        <source>Enter the relay&apos;s host name, e.g. smtp.agency.example.gov.</source>
        <translation>Escriba el nombre del servidor de correo, por ejemplo smtp.agency.example.gov.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="654"/>
        <source>The port is a number from 1 to 65535 (587 for STARTTLS, 465 for TLS).</source>
        <translation>El puerto es un número de 1 a 65535 (587 para STARTTLS, 465 para TLS).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="656"/>
        <source>Choose STARTTLS, TLS or none.</source>
        <translation>Elija STARTTLS, TLS o ninguna.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="658"/>
        <source>Without encryption the password and messages cross the network in clear text; use STARTTLS or TLS (none is only for a relay on this computer).</source>
        <translation>Sin cifrado, la contraseña y los mensajes viajan por la red como texto legible; use STARTTLS o TLS (ninguna es solo para un servidor de correo en esta computadora).</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="660"/>
        <source>The certificate file was not found.</source>
        <translation>No se encontró el archivo del certificado.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="662"/>
        <source>The number of days is from 0 to 365.</source>
        <translation>El número de días va de 0 a 365.</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="614"/>
        <source>Row {row}, column “{column}”: “{value}”: {problem}</source>
        <translation>Fila {row}, columna «{column}»: «{value}»: {problem}</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="616"/>
        <source>This person has no possible match to confirm or reject.</source>
        <translation>Esta persona no tiene ninguna posible coincidencia que confirmar o rechazar.</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <location filename="../job_seeker_form.py" line="481"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>handout</name>
    <message>
        <location filename="../handout_pdf.py" line="117"/>
        <source>length not known</source>
        <translation>duración desconocida</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="118"/>
        <source>about {n} hours</source>
        <translation>unas {n} horas</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="135"/>
        <source>Your learning plan</source>
        <translation>Su plan de aprendizaje</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="141"/>
        <source>Your free license</source>
        <translation>Su licencia gratuita</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="142"/>
        <source>A license was issued for you today. The invitation from {sender} will be sent to:</source>
        <translation>Hoy se emitió una licencia para usted. La invitación de {sender} se enviará a:</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="145"/>
        <source>Your license</source>
        <translation>Su licencia</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="146"/>
        <source>Your license was recorded today and is waiting for approval. Once approved, the invitation from {sender} will be sent to:</source>
        <translation>Su licencia se registró hoy y espera aprobación. Una vez aprobada, la invitación de {sender} se enviará a:</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="150"/>
        <source>How the invitation arrives</source>
        <translation>Cómo llega la invitación</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="151"/>
        <source>Accept the invitation and enroll by {date}</source>
        <translation>Acepte la invitación e inscríbase antes del {date}</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="153"/>
        <source>Finish your courses by {date}</source>
        <translation>Termine sus cursos antes del {date}</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="155"/>
        <source>Important dates</source>
        <translation>Fechas importantes</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="158"/>
        <source>What you plan to take</source>
        <translation>Lo que piensa estudiar</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="168"/>
        <source>In total at least {total} (some items have no length yet); you said you have about {weekly} hours a week.</source>
        <translation>En total, al menos {total} (algunos elementos aún no tienen duración); usted dijo que tiene unas {weekly} horas a la semana.</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="171"/>
        <source>In total {total}; you said you have about {weekly} hours a week.</source>
        <translation>En total, {total}; usted dijo que tiene unas {weekly} horas por semana.</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="176"/>
        <source>Your schedule</source>
        <translation>Su calendario</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="185"/>
        <source>Questions? Who to call</source>
        <translation>¿Preguntas? A quién llamar</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="187"/>
        <source>Phone: {value}</source>
        <translation>Teléfono: {value}</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="188"/>
        <source>Address: {value}</source>
        <translation>Dirección: {value}</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="189"/>
        <source>Hours: {value}</source>
        <translation>Horario: {value}</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="204"/>
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>Haitian Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>Tagalog</source>
        <translation>Tagalo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <location filename="../labels.py" line="48"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>No high school diploma</source>
        <translation>Sin diploma de escuela secundaria</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>High school diploma or GED</source>
        <translation>Diploma de secundaria o GED</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>Some college</source>
        <translation>Algunos estudios universitarios</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>Associate degree</source>
        <translation>Título de asociado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>Bachelor&apos;s degree</source>
        <translation>Licenciatura</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>Graduate degree</source>
        <translation>Posgrado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>Unemployed</source>
        <translation>Desempleado/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>Furloughed</source>
        <translation>Suspendido/a temporalmente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>Employed</source>
        <translation>Con empleo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>Underemployed</source>
        <translation>Subempleado/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <location filename="../labels.py" line="53"/>
        <source>Self-employed</source>
        <translation>Trabaja por cuenta propia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Not in the labor force</source>
        <translation>Fuera de la fuerza laboral</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Laid off because of COVID-19</source>
        <translation>Despedido/a por el COVID-19</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Furloughed because of COVID-19</source>
        <translation>Suspendido/a por el COVID-19</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Cannot find work because of COVID-19</source>
        <translation>No encuentra trabajo por el COVID-19</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Business closed</source>
        <translation>Cierre del negocio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Plant closure or mass layoff</source>
        <translation>Cierre de planta o despido masivo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Laid off (other reason)</source>
        <translation>Despedido/a (otra razón)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Quit</source>
        <translation>Renunció</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Let go</source>
        <translation>Lo/la despidieron</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>Never employed</source>
        <translation>Nunca tuvo empleo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>No computer</source>
        <translation>Sin computadora</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>No internet at home</source>
        <translation>Sin internet en casa</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Small business owner</source>
        <translation>Dueño/a de un pequeño negocio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Caregiver</source>
        <translation>Cuida a un familiar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Veteran</source>
        <translation>Veterano/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Transportation</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>Childcare</source>
        <translation>Cuidado de niños</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>Limited English</source>
        <translation>Inglés limitado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56"/>
        <source>Disability</source>
        <translation>Discapacidad</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>1 — New to computers</source>
        <translation>1 — Nuevo/a con las computadoras</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>2 — Can use e-mail and the web</source>
        <translation>2 — Usa el correo y la web</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61"/>
        <source>3 — Comfortable with office software</source>
        <translation>3 — Maneja programas de oficina</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61"/>
        <source>4 — Very comfortable</source>
        <translation>4 — Muy cómodo/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>License issued</source>
        <translation>Licencia emitida</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>License pending approval</source>
        <translation>Licencia pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>Not eligible</source>
        <translation>No elegible</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>Already has a license</source>
        <translation>Ya tiene licencia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>Referred to other services</source>
        <translation>Derivado/a a otros servicios</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>Needs a follow-up</source>
        <translation>Necesita seguimiento</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>Left before being seen</source>
        <translation>Se fue antes de ser atendido</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>Job seeker declined</source>
        <translation>La persona no aceptó</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>Scheduled</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>Completed</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78"/>
        <source>Beginner</source>
        <translation>Principiante</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78"/>
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78"/>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79"/>
        <source>Mixed</source>
        <translation>Mixto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83"/>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83"/>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location filename="../labels.py" line="87"/>
        <source>Issued</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <location filename="../labels.py" line="87"/>
        <source>Pending approval</source>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="87"/>
        <source>Revoked</source>
        <translation>Revocada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="88"/>
        <source>Inactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="93"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="93"/>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../labels.py" line="94"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../labels.py" line="94"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../labels.py" line="95"/>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../labels.py" line="95"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../labels.py" line="96"/>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../labels.py" line="97"/>
        <source>{cms} id</source>
        <translation>N.º de {cms}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="98"/>
        <source>Agency id</source>
        <translation>N.º de la agencia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="99"/>
        <source>Employment status</source>
        <translation>Situación laboral</translation>
    </message>
    <message>
        <location filename="../labels.py" line="100"/>
        <source>Cause of unemployment</source>
        <translation>Causa del desempleo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="101"/>
        <source>UI claimant</source>
        <translation>Solicitante del seguro de desempleo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="102"/>
        <source>Return-to-work date</source>
        <translation>Fecha de regreso al trabajo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="103"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../labels.py" line="104"/>
        <source>Reminders by text</source>
        <translation>Recordatorios por texto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="105"/>
        <source>Last occupation</source>
        <translation>Última ocupación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="106"/>
        <source>Last job title</source>
        <translation>Último puesto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="107"/>
        <source>Goal occupation</source>
        <translation>Ocupación meta</translation>
    </message>
    <message>
        <location filename="../labels.py" line="107"/>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <location filename="../labels.py" line="108"/>
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="108"/>
        <source>Digital skills</source>
        <translation>Habilidades digitales</translation>
    </message>
    <message>
        <location filename="../labels.py" line="109"/>
        <source>Hours a week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <location filename="../labels.py" line="109"/>
        <source>Barriers</source>
        <translation>Barreras</translation>
    </message>
    <message>
        <location filename="../labels.py" line="113"/>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <location filename="../labels.py" line="113"/>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <location filename="../labels.py" line="113"/>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="114"/>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <location filename="../labels.py" line="114"/>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="114"/>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="115"/>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="115"/>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="115"/>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="116"/>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="116"/>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="117"/>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="130"/>
        <source>{month} {day}, {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="205"/>
        <source>{month} {day}</source>
        <extracomment>The zone every time a person reads is shown in: the center&apos;s (``Settings.center_time_zone``), never the computer&apos;s or UTC, so Today, the status bar and the Sync page agree. Set by the main window when it opens.</extracomment>
        <translation>{day} de {month}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="206"/>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../operations.py" line="119"/>
        <source>Please correct: {problems}</source>
        <extracomment>Executor names. Writes are serialized; reads may overlap; network work never waits behind a write. How long a worker thread may hold the GIL while the GUI thread waits for it. Python&apos;s default (5 ms) lets a busy worker (an export writing 100,000 rows) and the GUI thread fall into a convoy where the GUI waits well over 100 ms; measured at 1 ms: longest GUI stall 19 ms instead of 136 ms, and the export no slower.</extracomment>
        <translation>Corrija lo siguiente: {problems}</translation>
    </message>
    <message>
        <location filename="../operations.py" line="128"/>
        <source>…and {count} more.</source>
        <translation>…y {count} más.</translation>
    </message>
    <message>
        <location filename="../operations.py" line="131"/>
        <source>Something went wrong that the app did not expect ({kind}: {detail}). Your saved work is safe. If it happens again, tell your IT support what you were doing.</source>
        <translation>Ocurrió algo que la aplicación no esperaba ({kind}: {detail}). Su trabajo guardado está a salvo. Si vuelve a pasar, cuéntele a soporte técnico qué estaba haciendo.</translation>
    </message>
    <message>
        <location filename="../operations.py" line="167"/>
        <source>Counselor Desk</source>
        <translation>Counselor Desk</translation>
    </message>
    <message>
        <location filename="../operations.py" line="169"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../operations.py" line="173"/>
        <source>What you can do next: {step}</source>
        <translation>Qué puede hacer ahora: {step}</translation>
    </message>
    <message>
        <location filename="../operations.py" line="401"/>
        <source>Please wait</source>
        <extracomment>Tests set this to collect unhandled errors instead of opening modal dialogs.</extracomment>
        <translation>Espere, por favor</translation>
    </message>
    <message>
        <location filename="../operations.py" line="408"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
</TS>
