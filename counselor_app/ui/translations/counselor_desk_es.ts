<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name />
    <message>
        <location filename="../job_seeker_form.py" line="154" />
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="156" />
        <source>(617) 555-0123</source>
        <translation>(617) 555-0123</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="158" />
        <source>02108</source>
        <translation>02108</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="160" />
        <source>MM/DD/YYYY</source>
        <translation>MM/DD/AAAA</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="162" />
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="164" />
        <source>e.g. Front desk clerk</source>
        <translation>p. ej., recepcionista</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="166" />
        <source>e.g. computers, health care, bookkeeping (separate with commas)</source>
        <translation>p. ej., computadoras, salud, contabilidad (separe con comas)</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="170" />
        <location filename="../job_seeker_form.py" line="172" />
        <location filename="../job_seeker_form.py" line="174" />
        <location filename="../job_seeker_form.py" line="176" />
        <location filename="../job_seeker_form.py" line="178" />
        <location filename="../job_seeker_form.py" line="182" />
        <source>— not asked yet —</source>
        <translation>— aún no se preguntó —</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="176" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="176" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="183" />
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="189" />
        <source>The job seeker agrees to be contacted about this program</source>
        <translation>La persona acepta que la contacten sobre este programa</translation>
    </message>
</context>
<context>
    <name>AppointmentTableModel</name>
    <message>
        <location filename="../appointment_table_model.py" line="39" />
        <source>Find or register</source>
        <translation>Buscar o registrar</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="40" />
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="41" />
        <source>Background and goals</source>
        <translation>Experiencia y metas</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="42" />
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="43" />
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="44" />
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="45" />
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="60" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="60" />
        <source>Job seeker</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="61" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="61" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="62" />
        <source>Outcome or step</source>
        <translation>Resultado o paso</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="87" />
        <source>(not chosen yet)</source>
        <translation>(aún sin elegir)</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="90" />
        <source>Walk-in</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="91" />
        <source>Scheduled</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <location filename="../appointment_table_model.py" line="96" />
        <source>Stopped at: {step}</source>
        <translation>Se detuvo en: {step}</translation>
    </message>
</context>
<context>
    <name>AppointmentWizard</name>
    <message>
        <location filename="../appointment_wizard.py" line="93" />
        <source>Autosave</source>
        <translation>Guardado automático</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="104" />
        <source>Steps of the appointment</source>
        <translation>Pasos de la cita</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="122" />
        <source>&amp;Pause (back to Today)</source>
        <translation>&amp;Pausar (volver a Hoy)</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="123" />
        <source>Keep this appointment open and go to the Today page; everything typed is saved</source>
        <translation>Dejar la cita abierta e ir a Hoy; todo lo escrito queda guardado</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="126" />
        <source>&amp;End early…</source>
        <translation>&amp;Terminar antes…</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="127" />
        <source>The job seeker has to leave: go to the summary and record the outcome</source>
        <translation>La persona tiene que irse: ir al resumen y registrar el resultado</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="130" />
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="133" />
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="239" />
        <source>Appointment with {name}</source>
        <translation>Cita con {name}</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="240" />
        <source>New appointment</source>
        <translation>Cita nueva</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="250" />
        <source>Step {n} of {total}: {title}</source>
        <translation>Paso {n} de {total}: {title}</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="317" />
        <source>✓ Saved</source>
        <translation>✓ Guardado</translation>
    </message>
    <message>
        <location filename="../appointment_wizard.py" line="324" />
        <source>⚠ Not saved: {error}</source>
        <translation>⚠ No se guardó: {error}</translation>
    </message>
</context>
<context>
    <name>BackgroundStep</name>
    <message>
        <location filename="../wizard_background_page.py" line="21" />
        <source>Ask about the last job, the goal, what they like, and how much time they have each week. The recommendations on the next step are built from these answers.</source>
        <extracomment>What the recommendation engine cannot work without.</extracomment>
        <translation>Pregunte por el último empleo, la meta, lo que le gusta y cuánto tiempo tiene cada semana. Las recomendaciones del siguiente paso se basan en estas respuestas.</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="30" />
        <source>Background and goals</source>
        <translation>Experiencia y metas</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="33" />
        <source>&amp;Save and see recommendations</source>
        <translation>&amp;Guardar y ver recomendaciones</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="66" />
        <source>Ask this: the recommendations need it.</source>
        <translation>Pregunte esto: las recomendaciones lo necesitan.</translation>
    </message>
    <message>
        <location filename="../wizard_background_page.py" line="92" />
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../catalog_page.py" line="44" />
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="51" />
        <source>Words in the title, skills or occupation</source>
        <translation>Palabras del título, habilidades u ocupación</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="55" />
        <source>Certificates and courses</source>
        <translation>Certificados y cursos</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="56" />
        <source>Professional certificates</source>
        <translation>Certificados profesionales</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="57" />
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="61" />
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="62" />
        <source> hours or less</source>
        <translation> horas o menos</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="64" />
        <source>any level</source>
        <translation>cualquier nivel</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="68" />
        <source>&amp;Free credential only</source>
        <translation>Solo con credencial &amp;gratuita</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="72" />
        <source>C&amp;lear filters</source>
        <translation>&amp;Borrar filtros</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="74" />
        <source>&amp;Words</source>
        <translation>&amp;Palabras</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="74" />
        <source>C&amp;ollection</source>
        <translation>C&amp;olección</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="75" />
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="75" />
        <source>&amp;Hours</source>
        <translation>&amp;Horas</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="76" />
        <source>L&amp;evel</source>
        <translation>&amp;Nivel</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="76" />
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="77" />
        <source>Leads to &amp;occupation</source>
        <translation>Lleva a la oc&amp;upación</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="97" />
        <source>Catalog items</source>
        <translation>Elementos del catálogo</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="121" />
        <source>Details of the selected item</source>
        <translation>Detalles del elemento elegido</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="157" />
        <source>Loading the catalog…</source>
        <translation>Cargando el catálogo…</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="168" />
        <source>all collections</source>
        <translation>todas las colecciones</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="171" />
        <source>any language</source>
        <translation>cualquier idioma</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="176" />
        <source>any occupation</source>
        <translation>cualquier ocupación</translation>
    </message>
    <message numerus="yes">
        <location filename="../catalog_page.py" line="207" />
        <source>Showing %n of {total} items. Hours are approximate; check the course page before promising a figure.</source>
        <translation>
            <numerusform>Se muestra %n de {total} elementos. Las horas son aproximadas; consulte la página del curso antes de prometer una cifra.</numerusform>
            <numerusform>Se muestran %n de {total} elementos. Las horas son aproximadas; consulte la página del curso antes de prometer una cifra.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="226" />
        <source>Leads to:</source>
        <translation>Lleva a:</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="230" />
        <source>Courses:</source>
        <translation>Cursos:</translation>
    </message>
    <message>
        <location filename="../catalog_page.py" line="238" />
        <source>Skills:</source>
        <translation>Habilidades:</translation>
    </message>
</context>
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../catalog_table_model.py" line="98" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="99" />
        <source>about {n} h</source>
        <translation>unas {n} h</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="107" />
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="107" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="108" />
        <source>Partner</source>
        <translation>Institución</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="108" />
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="109" />
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="109" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="110" />
        <source>Free credential</source>
        <translation>Credencial gratuita</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="110" />
        <source>Leads to</source>
        <translation>Lleva a</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="146" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../catalog_table_model.py" line="146" />
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../duplicate_dialog.py" line="35" />
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="40" />
        <source>This person may already be registered</source>
        <translation>Es posible que esta persona ya esté registrada</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="41" />
        <source>Ask the job seeker whether one of these is them. Opening the existing record avoids a second license for the same person.</source>
        <translation>Pregunte a la persona si es una de estas. Abrir el registro existente evita una segunda licencia para la misma persona.</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="47" />
        <source>Possible matches</source>
        <translation>Posibles coincidencias</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="59" />
        <source>&amp;Open the existing record</source>
        <translation>&amp;Abrir el registro existente</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="61" />
        <source>&amp;Save anyway: a different person</source>
        <translation>&amp;Guardar igual: es otra persona</translation>
    </message>
    <message>
        <location filename="../duplicate_dialog.py" line="63" />
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
<context>
    <name>EligibilityStep</name>
    <message>
        <location filename="../wizard_eligibility_page.py" line="44" />
        <source>Read the attestation to the job seeker (or let them read it), then ask each question.</source>
        <translation>Lea la declaración a la persona (o deje que la lea) y luego haga cada pregunta.</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="45" />
        <source>Attestation ({version})</source>
        <translation>Declaración ({version})</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="60" />
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="68" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="68" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="103" />
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="28" />
        <location filename="../wizard_eligibility_page.py" line="185" />
        <source>What you can do next: {step}</source>
        <extracomment>Refusals known before the attestation; the others (no attestation yet, not eligible) are what this step is for.</extracomment>
        <translation>Qué puede hacer ahora: {step}</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="191" />
        <location filename="../wizard_eligibility_page.py" line="197" />
        <source>&amp;Next: record the outcome</source>
        <translation>&amp;Siguiente: registrar el resultado</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="194" />
        <source>&amp;Record the attestation</source>
        <translation>&amp;Registrar la declaración</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="196" />
        <source>&amp;Next: background and goals</source>
        <translation>&amp;Siguiente: experiencia y metas</translation>
    </message>
    <message>
        <location filename="../wizard_eligibility_page.py" line="255" />
        <source>Recording the attestation…</source>
        <translation>Registrando la declaración…</translation>
    </message>
</context>
<context>
    <name>FindStep</name>
    <message>
        <location filename="../wizard_find_page.py" line="24" />
        <source>Ask for the job seeker's name, e-mail or phone. If they are not in the list, register them.</source>
        <translation>Pida el nombre, el correo electrónico o el teléfono de la persona. Si no está en la lista, regístrela.</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="28" />
        <location filename="../wizard_find_page.py" line="49" />
        <source>Find or register</source>
        <translation>Buscar o registrar</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="33" />
        <source>&amp;Find someone registered</source>
        <translation>&amp;Buscar a alguien registrado</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="40" />
        <source>&amp;Register someone new</source>
        <translation>&amp;Registrar a alguien nuevo</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="62" />
        <source>&amp;Register and continue</source>
        <translation>&amp;Registrar y continuar</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="63" />
        <source>&amp;Continue with the selected person</source>
        <translation>&amp;Continuar con la persona elegida</translation>
    </message>
    <message>
        <location filename="../wizard_find_page.py" line="73" />
        <source>This appointment is with {name}. Pick someone else only if that was a mistake.</source>
        <translation>Esta cita es con {name}. Elija a otra persona solo si fue un error.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../first_run_dialog.py" line="29" />
        <source>Counselor</source>
        <translation>Consejero/a</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="30" />
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="31" />
        <source>Program administrator</source>
        <translation>Administrador/a del programa</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="39" />
        <source>Welcome to Counselor Desk</source>
        <translation>Bienvenido a Counselor Desk</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="41" />
        <source>Set up this desk</source>
        <translation>Configure este escritorio</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="43" />
        <source>Counselor Desk records who issued each license and where. Enter your agency, your career center and your name. You can change them later in Settings.</source>
        <translation>Counselor Desk registra quién emitió cada licencia y dónde. Indique su agencia, su centro de empleo y su nombre. Puede cambiarlos después en Configuración.</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="59" />
        <source>e.g. MassHire Boston Career Center</source>
        <translation>p. ej., MassHire Boston Career Center</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="62" />
        <source>Your name as colleagues know it</source>
        <translation>Su nombre como lo conocen sus colegas</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="72" />
        <source>&amp;Agency</source>
        <translation>&amp;Agencia</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="72" />
        <source>&amp;Career center</source>
        <translation>&amp;Centro de empleo</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="73" />
        <source>Your &amp;name</source>
        <translation>Su &amp;nombre</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="73" />
        <source>&amp;Role</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="74" />
        <source>&amp;Language of the app</source>
        <translation>&amp;Idioma de la aplicación</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="84" />
        <source>&amp;Start</source>
        <translation>&amp;Comenzar</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="86" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../first_run_dialog.py" line="95" />
        <source>Enter the career center and your name.</source>
        <translation>Indique el centro de empleo y su nombre.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../history_panel.py" line="29" />
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="30" />
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="30" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="30" />
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="42" />
        <source>No one selected.</source>
        <translation>No hay nadie seleccionado.</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="45" />
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="66" />
        <source>Licenses</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="69" />
        <source>Invitation to {email}</source>
        <translation>Invitación a {email}</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="70" />
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="75" />
        <source>Eligibility attestations</source>
        <translation>Declaraciones de elegibilidad</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="77" />
        <source>Eligible</source>
        <translation>Elegible</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="77" />
        <source>Not eligible</source>
        <translation>No elegible</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="79" />
        <source>Learning plans</source>
        <translation>Planes de aprendizaje</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="83" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="85" />
        <source>Course progress</source>
        <translation>Avance en los cursos</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="87" />
        <source>completed</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="87" />
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="89" />
        <source>{hours:.1f} hours, {state}</source>
        <translation>{hours:.1f} horas, {state}</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="95" />
        <source>Has a license: {status} on {date}.</source>
        <translation>Tiene licencia: {status} el {date}.</translation>
    </message>
    <message>
        <location filename="../history_panel.py" line="98" />
        <source>No license yet.</source>
        <translation>Todavía no tiene licencia.</translation>
    </message>
</context>
<context>
    <name>JobSeekerForm</name>
    <message>
        <location filename="../job_seeker_form.py" line="85" />
        <source>&amp;First name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="85" />
        <source>&amp;Last name</source>
        <translation>&amp;Apellido</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="86" />
        <source>&amp;E-mail</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="86" />
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="86" />
        <source>&amp;ZIP code</source>
        <translation>Código &amp;postal</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="87" />
        <source>Date of &amp;birth</source>
        <translation>Fecha de &amp;nacimiento</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="87" />
        <source>Preferred lan&amp;guage</source>
        <translation>&amp;Idioma preferido</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="88" />
        <source>{cms} &amp;id</source>
        <translation>N.º de &amp;{cms}</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="89" />
        <source>Employment stat&amp;us</source>
        <translation>Situación &amp;laboral</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="90" />
        <source>&amp;Cause of unemployment</source>
        <translation>&amp;Causa del desempleo</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="90" />
        <source>U&amp;I claimant</source>
        <translation>Reclamo de &amp;UI</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="91" />
        <source>&amp;Return-to-work date</source>
        <translation>Fecha de &amp;regreso al trabajo</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="92" />
        <source>C&amp;onsent</source>
        <translation>Con&amp;sentimiento</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="93" />
        <source>Last &amp;occupation</source>
        <translation>Última &amp;ocupación</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="93" />
        <source>Last &amp;job title</source>
        <translation>Último &amp;puesto</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="94" />
        <source>&amp;Goal occupation</source>
        <translation>Ocupación &amp;meta</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="94" />
        <source>&amp;Interests</source>
        <translation>&amp;Intereses</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="95" />
        <source>&amp;Education</source>
        <translation>&amp;Educación</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="95" />
        <source>&amp;Digital skills</source>
        <translation>Habilidades &amp;digitales</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="96" />
        <source>&amp;Hours a week</source>
        <translation>&amp;Horas por semana</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="96" />
        <source>&amp;Barriers</source>
        <translation>&amp;Barreras</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="118" />
        <source>Type a job title or a SOC code, e.g. 41-2031</source>
        <translation>Escriba un puesto o un código SOC, p. ej., 41-2031</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="217" />
        <source>Problem with {field}</source>
        <translation>Problema con {field}</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="232" />
        <source>Use the suggested e-mail address</source>
        <translation>Usar la dirección sugerida</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="253" />
        <source>⚠ Did you mean {email}? &amp;Use it</source>
        <translation>⚠ ¿Quiso decir {email}? &amp;Usarlo</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="254" />
        <source>Replace the address with {email} (Alt+U)</source>
        <translation>Reemplazar la dirección por {email} (Alt+U)</translation>
    </message>
    <message>
        <location filename="../job_seeker_form.py" line="256" />
        <source>Use the suggested e-mail address {email}</source>
        <translation>Usar la dirección sugerida {email}</translation>
    </message>
</context>
<context>
    <name>JobSeekerSearchWidget</name>
    <message>
        <location filename="../job_seeker_search_widget.py" line="59" />
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="62" />
        <source>Name, e-mail, phone or agency id</source>
        <translation>Nombre, correo, teléfono o n.º de la agencia</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="63" />
        <source>Search job seekers</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="64" />
        <source>Type to search; Down arrow moves to the results, Enter opens.</source>
        <translation>Escriba para buscar; la flecha abajo va a los resultados y Enter abre.</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="70" />
        <source>Number of results</source>
        <translation>Cantidad de resultados</translation>
    </message>
    <message>
        <location filename="../job_seeker_search_widget.py" line="78" />
        <source>Job seekers found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message numerus="yes">
        <location filename="../job_seeker_search_widget.py" line="130" />
        <source>first %n shown</source>
        <translation>
            <numerusform>se muestra el primero</numerusform>
            <numerusform>se muestran los primeros %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../job_seeker_search_widget.py" line="130" />
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
        <location filename="../job_seeker_table_model.py" line="36" />
        <source>Name</source>
        <extracomment>Role giving the row's job-seeker id (for opening the record).</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="36" />
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="37" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="37" />
        <source>ZIP</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../job_seeker_table_model.py" line="38" />
        <source>Agency id</source>
        <translation>N.º de la agencia</translation>
    </message>
</context>
<context>
    <name>JobSeekersPage</name>
    <message>
        <location filename="../job_seekers_page.py" line="37" />
        <source>Job seekers</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="38" />
        <source>&amp;New job seeker</source>
        <translation>&amp;Persona nueva</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="39" />
        <source>Register someone who is not in the list</source>
        <translation>Registrar a alguien que no está en la lista</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="55" />
        <source>Select someone, or register a new job seeker</source>
        <translation>Elija a alguien o registre a una persona nueva</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="61" />
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="67" />
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="69" />
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="72" />
        <source>Start &amp;appointment</source>
        <translation>Iniciar &amp;cita</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="73" />
        <source>Start an appointment with this job seeker</source>
        <translation>Iniciar una cita con esta persona</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="75" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="131" />
        <source>New job seeker</source>
        <translation>Persona nueva</translation>
    </message>
    <message>
        <location filename="../job_seekers_page.py" line="148" />
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>LicenseStep</name>
    <message>
        <location filename="../wizard_license_page.py" line="36" />
        <source>Turn the screen toward the job seeker and ask them to read the address back. The invitation from {sender} goes to this address.</source>
        <translation>Gire la pantalla hacia la persona y pídale que lea la dirección en voz alta. La invitación de {sender} llega a esta dirección.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="41" />
        <source>E-mail address for the invitation</source>
        <translation>Correo electrónico para la invitación</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="60" />
        <source>Use the suggested e-mail address</source>
        <translation>Usar la dirección sugerida</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="63" />
        <source>&amp;Fix the address</source>
        <translation>&amp;Corregir la dirección</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="69" />
        <source>Corrected e-mail address</source>
        <translation>Correo electrónico corregido</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="72" />
        <source>Sa&amp;ve address</source>
        <translation>Guardar &amp;dirección</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="81" />
        <source>The job seeker &amp;confirmed that this address is correct</source>
        <translation>La persona &amp;confirmó que la dirección es correcta</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="91" />
        <source>Tell the job seeker:</source>
        <translation>Dígale a la persona:</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="93" />
        <source>Accept the invitation and enroll by {date}.</source>
        <translation>Acepte la invitación e inscríbase antes del {date}.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="95" />
        <source>Finish the courses by {date}; access ends after that.</source>
        <translation>Termine los cursos antes del {date}; después se acaba el acceso.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="97" />
        <source>The invitation e-mail comes from {sender} within a few days.</source>
        <translation>El correo de invitación llega de {sender} en unos días.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="111" />
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="119" />
        <source>&amp;Next: summary and handout</source>
        <translation>&amp;Siguiente: resumen y hoja para llevar</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="121" />
        <source>&amp;Next: record the outcome</source>
        <translation>&amp;Siguiente: registrar el resultado</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="122" />
        <source>&amp;Issue the license</source>
        <translation>&amp;Emitir la licencia</translation>
    </message>
    <message numerus="yes">
        <location filename="../wizard_license_page.py" line="182" />
        <source>This device can issue %n more license(s) before it needs to sync.</source>
        <translation>
            <numerusform>Este equipo puede emitir %n licencia más antes de sincronizar.</numerusform>
            <numerusform>Este equipo puede emitir %n licencias más antes de sincronizar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="185" />
        <source>This device has used its block of licenses: this one will be recorded as pending approval and confirmed after the next sync.</source>
        <translation>Este equipo usó su bloque de licencias: esta quedará pendiente de aprobación y se confirmará después de la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="191" />
        <source>(no e-mail address on file)</source>
        <translation>(no hay correo electrónico registrado)</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="196" />
        <source>⚠ This address looks mistyped. Did you mean {email}? Check with the job seeker.</source>
        <translation>⚠ Esta dirección parece tener un error. ¿Quiso decir {email}? Confírmelo con la persona.</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="198" />
        <source>&amp;Use {email}</source>
        <translation>&amp;Usar {email}</translation>
    </message>
    <message>
        <location filename="../wizard_license_page.py" line="289" />
        <source>Issuing the license…</source>
        <translation>Emitiendo la licencia…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="137" />
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>&amp;Job seekers</source>
        <translation>&amp;Personas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193" />
        <source>&amp;Catalog</source>
        <translation>&amp;Catálogo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194" />
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197" />
        <source>S&amp;ync</source>
        <translation>&amp;Sincronizar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198" />
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199" />
        <source>Se&amp;ttings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205" />
        <source>&amp;New walk-in appointment</source>
        <translation>&amp;Nueva cita sin turno</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207" />
        <source>Start an appointment with a job seeker (Ctrl+N)</source>
        <translation>Iniciar una cita con una persona (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216" />
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217" />
        <source>Current &amp;appointment</source>
        <translation>&amp;Cita en curso</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232" />
        <source>&amp;About Counselor Desk</source>
        <translation>&amp;Acerca de Counselor Desk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="247" />
        <source>Current appointment</source>
        <translation>Cita en curso</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="248" />
        <source>Back to the appointment in progress (Ctrl+0)</source>
        <translation>Volver a la cita en curso (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408" />
        <source>Counselor Desk — {center} — {counselor}</source>
        <translation>Counselor Desk — {center} — {counselor}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409" />
        <source>not set up</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412" />
        <source>[DEMO] </source>
        <translation>[DEMO] </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="418" />
        <source>Demo data: synthetic people, thrown away when the app closes.</source>
        <translation>Datos de demostración: personas ficticias que se borran al cerrar la aplicación.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="461" />
        <source>About Counselor Desk</source>
        <translation>Acerca de Counselor Desk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="462" />
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
        <location filename="../main_window.py" line="90" />
        <source>{title} is not installed in this build ({module}).</source>
        <translation>{title} no está instalado en esta versión ({module}).</translation>
    </message>
</context>
<context>
    <name>PlanStep</name>
    <message>
        <location filename="../wizard_plan_page.py" line="36" />
        <source>Check the plan with the job seeker. Untick anything they do not want; the dates update.</source>
        <translation>Revise el plan con la persona. Desmarque lo que no quiera; las fechas se actualizan.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="41" />
        <source> hours a week</source>
        <translation> horas por semana</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="44" />
        <source>&amp;Time available</source>
        <translation>&amp;Tiempo disponible</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="46" />
        <source>Time available each week</source>
        <translation>Tiempo disponible por semana</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="50" />
        <source>Items in the plan</source>
        <translation>Elementos del plan</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="51" />
        <source>&amp;Items</source>
        <translation>&amp;Elementos</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="60" />
        <source>Dates in the plan</source>
        <translation>Fechas del plan</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="61" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="61" />
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="82" />
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="89" />
        <source>&amp;Save the plan and continue</source>
        <translation>&amp;Guardar el plan y continuar</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="156" />
        <source>Choose at least one item for the plan (go back to the recommendations).</source>
        <translation>Elija al menos un elemento para el plan (vuelva a las recomendaciones).</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="181" />
        <source>Total: about {total} hours. Needs about {needed} hours a week until {deadline}; the job seeker has {weekly}.</source>
        <translation>Total: unas {total} horas. Necesita unas {needed} horas por semana hasta el {deadline}; la persona tiene {weekly}.</translation>
    </message>
    <message>
        <location filename="../wizard_plan_page.py" line="218" />
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
</context>
<context>
    <name>RecommendationCard</name>
    <message>
        <location filename="../recommendation_card.py" line="23" />
        <source>? Length unknown: check the course page</source>
        <translation>? Duración desconocida: consulte la página del curso</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="25" />
        <source>✓ Fits before {deadline}</source>
        <translation>✓ Cabe antes del {deadline}</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="26" />
        <source>✗ Does not fit before {deadline}</source>
        <translation>✗ No cabe antes del {deadline}</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="67" />
        <source>free credential</source>
        <translation>credencial gratuita</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="72" />
        <source>Why:</source>
        <translation>Por qué:</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="77" />
        <source>Add to the plan</source>
        <translation>Agregar al plan</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="79" />
        <source>Add {title} to the plan</source>
        <translation>Agregar {title} al plan</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="81" />
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <location filename="../recommendation_card.py" line="83" />
        <source>Compare {title}</source>
        <translation>Comparar {title}</translation>
    </message>
</context>
<context>
    <name>RecommendationsStep</name>
    <message>
        <location filename="../wizard_recommendations_page.py" line="49" />
        <source>Use the &amp;shorter path</source>
        <translation>Usar el camino más &amp;corto</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="57" />
        <source>Tick “Add to the plan” on what the job seeker wants to do. Tick “Compare” on two cards to see them side by side here.</source>
        <translation>Marque «Agregar al plan» en lo que la persona quiere hacer. Marque «Comparar» en dos tarjetas para verlas aquí lado a lado.</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="61" />
        <source>Side by side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="79" />
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message numerus="yes">
        <location filename="../wizard_recommendations_page.py" line="82" />
        <source>&amp;Next: make the plan (%n chosen)</source>
        <translation>
            <numerusform>&amp;Siguiente: armar el plan (%n elegido)</numerusform>
            <numerusform>&amp;Siguiente: armar el plan (%n elegidos)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="108" />
        <source>Based on the answers just saved, with about {hours} hours a week until {deadline}. Tick what the job seeker wants to do.</source>
        <translation>Según las respuestas recién guardadas, con unas {hours} horas por semana hasta el {deadline}. Marque lo que la persona quiere hacer.</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="113" />
        <source>The catalog is still loading…</source>
        <translation>El catálogo todavía se está cargando…</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="135" />
        <source>Finding recommendations…</source>
        <translation>Buscando recomendaciones…</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="229" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="230" />
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="231" />
        <source>Deadline</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="232" />
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="233" />
        <source>Free credential</source>
        <translation>Credencial gratuita</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="233" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="234" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../wizard_recommendations_page.py" line="235" />
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../settings_page.py" line="36" />
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="38" />
        <source>This desk</source>
        <translation>Este escritorio</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="61" />
        <source>Licenses this device may issue offline before its first sync reserves a block from the server.</source>
        <translation>Licencias que este equipo puede emitir sin conexión antes de que la primera sincronización reserve un bloque en el servidor.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="63" />
        <source>A&amp;gency profile</source>
        <translation>Perfil de la a&amp;gencia</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="63" />
        <source>&amp;Career center</source>
        <translation>&amp;Centro de empleo</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="64" />
        <source>Counselor &amp;name</source>
        <translation>&amp;Nombre del consejero</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="64" />
        <source>&amp;Role</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="65" />
        <source>&amp;Language of the app</source>
        <translation>&amp;Idioma de la aplicación</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="66" />
        <source>&amp;Offline licenses before first sync</source>
        <translation>Licencias sin &amp;conexión antes de sincronizar</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="77" />
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar la configuración</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="80" />
        <source>Server and s&amp;ync settings…</source>
        <translation>Servidor y &amp;sincronización…</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="86" />
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="89" />
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="90" />
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="90" />
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="91" />
        <source>Case-management system</source>
        <translation>Sistema de gestión de casos</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="91" />
        <source>{cms} (service recorded: “{label}”)</source>
        <translation>{cms} (servicio registrado: “{label}”)</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="93" />
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="93" />
        <source>The database is encrypted; its key is kept in this computer's keyring.</source>
        <translation>La base de datos está cifrada; su clave se guarda en el llavero de esta computadora.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="107" />
        <source>Enter the career center and the counselor's name.</source>
        <translation>Indique el centro de empleo y el nombre del consejero.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="118" />
        <source>Saved. Restart the app for the new name, center, role, agency or language to take effect.</source>
        <translation>Guardado. Reinicie la aplicación para que el nuevo nombre, centro, función, agencia o idioma tengan efecto.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="119" />
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../settings_page.py" line="128" />
        <source>Server settings are not installed in this build.</source>
        <translation>La configuración del servidor no está instalada en esta versión.</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../wizard_summary_page.py" line="59" />
        <source>Save the handout as &amp;PDF…</source>
        <translation>Guardar la hoja como &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="60" />
        <source>A one-page learning plan for the job seeker: plan, dates, how the invitation arrives, whom to call</source>
        <translation>Un plan de aprendizaje de una página para la persona: plan, fechas, cómo llega la invitación, a quién llamar</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="63" />
        <source>P&amp;rint the handout…</source>
        <translation>&amp;Imprimir la hoja…</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="79" />
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="81" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="84" />
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="86" />
        <source>Anything the next counselor should know (optional)</source>
        <translation>Lo que el próximo consejero debe saber (opcional)</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="90" />
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="103" />
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="106" />
        <source>&amp;Finish the appointment</source>
        <translation>&amp;Terminar la cita</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="137" />
        <source>License issued.</source>
        <translation>Licencia emitida.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="138" />
        <source>The invitation will be sent to {email}. {how}</source>
        <translation>La invitación se enviará a {email}. {how}</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="140" />
        <source>Recorded in {cms} as “{label}”.</source>
        <translation>Registrado en {cms} como “{label}”.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="144" />
        <source>License recorded, pending approval.</source>
        <translation>Licencia registrada, pendiente de aprobación.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="146" />
        <source>This device has used its reserved licenses. The license is confirmed after the next sync; the invitation goes out once it is approved.</source>
        <translation>Este equipo usó sus licencias reservadas. La licencia se confirma después de la próxima sincronización; la invitación sale cuando se aprueba.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="150" />
        <source>No license was issued.</source>
        <translation>No se emitió ninguna licencia.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="153" />
        <source>What you can do next: {step}</source>
        <translation>Qué puede hacer ahora: {step}</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="158" />
        <source>No license was issued in this appointment with {name}.</source>
        <translation>No se emitió ninguna licencia en esta cita con {name}.</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="159" />
        <source>the job seeker</source>
        <translation>la persona</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="163" />
        <source>Learning plan:</source>
        <translation>Plan de aprendizaje:</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="180" />
        <source>Save the handout</source>
        <translation>Guardar la hoja</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="181" />
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="188" />
        <source>Saved: {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="191" />
        <source>Writing the handout…</source>
        <translation>Preparando la hoja…</translation>
    </message>
    <message>
        <location filename="../wizard_summary_page.py" line="210" />
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../status_bar.py" line="40" />
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="40" />
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="41" />
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="42" />
        <source>Last successful sync</source>
        <translation>Última sincronización correcta</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="43" />
        <source>Background work</source>
        <translation>Trabajo en segundo plano</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="43" />
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="62" />
        <source>○ Offline (no server connection)</source>
        <translation>○ Sin conexión (sin servidor)</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="64" />
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="66" />
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message numerus="yes">
        <location filename="../status_bar.py" line="67" />
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n registro por enviar</numerusform>
            <numerusform>%n registros por enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../status_bar.py" line="70" />
        <source>⚠ %n need(s) attention (see Sync)</source>
        <translation>
            <numerusform>⚠ %n requiere atención (vea Sincronización)</numerusform>
            <numerusform>⚠ %n requieren atención (vea Sincronización)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="72" />
        <source>Last sync: {when}</source>
        <translation>Última sincronización: {when}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="73" />
        <source>Last sync: never</source>
        <translation>Última sincronización: nunca</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="77" />
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../today_page.py" line="57" />
        <source>Start a &amp;walk-in appointment (Ctrl+N)</source>
        <translation>Iniciar una cita &amp;sin turno (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="58" />
        <source>A job seeker is here: find or register them, check eligibility, plan and issue the license (Ctrl+N)</source>
        <translation>Llegó una persona: búsquela o regístrela, verifique la elegibilidad, planifique y emita la licencia (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="68" />
        <source>Unfinished appointments — pick up where you stopped</source>
        <translation>Citas sin terminar — continúe donde se quedó</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="74" />
        <source>Unfinished appointments</source>
        <translation>Citas sin terminar</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="80" />
        <source>&amp;Resume the selected appointment</source>
        <translation>&amp;Reanudar la cita elegida</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="90" />
        <location filename="../today_page.py" line="96" />
        <source>Today's appointments</source>
        <translation>Citas de hoy</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="106" />
        <source>No appointments yet today. Walk-ins appear here once started.</source>
        <translation>Todavía no hay citas hoy. Las citas sin turno aparecen aquí al iniciarlas.</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="129" />
        <source>Today — {date}</source>
        <translation>Hoy — {date}</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="134" />
        <source>{program}: licenses can be issued until {issue_by} ({days} days left); learners must enroll by {enroll_by} and finish by {complete_by}.</source>
        <translation>{program}: se pueden emitir licencias hasta el {issue_by} (quedan {days} días); hay que inscribirse antes del {enroll_by} y terminar antes del {complete_by}.</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="140" />
        <source>{program}: the last day to issue licenses was {issue_by}.</source>
        <translation>{program}: el último día para emitir licencias fue el {issue_by}.</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="177" />
        <source>job seeker not chosen yet</source>
        <translation>persona aún sin elegir</translation>
    </message>
    <message>
        <location filename="../today_page.py" line="179" />
        <source>{who} — started {when} — stopped at: {step}</source>
        <translation>{who} — empezó a las {when} — se detuvo en: {step}</translation>
    </message>
    <message numerus="yes">
        <location filename="../today_page.py" line="189" />
        <source>%n appointment(s) did not finish (the app was closed or the computer stopped). Everything typed was saved: select one and press Resume.</source>
        <translation>
            <numerusform>%n cita no terminó (se cerró la aplicación o se apagó la computadora). Todo lo escrito quedó guardado: elíjala y presione Reanudar.</numerusform>
            <numerusform>%n citas no terminaron (se cerró la aplicación o se apagó la computadora). Todo lo escrito quedó guardado: elija una y presione Reanudar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardStep</name>
    <message>
        <location filename="../wizard_step.py" line="52" />
        <source>&amp;Next</source>
        <extracomment>``proceed(step_id)``: move to ``step_id``; ``None``: the next step in order; ``STAY``: remain here (the step showed why, e.g. field errors or a refusal). Ask the wizard to refresh its buttons (e.g. the Next label changed after a verdict).</extracomment>
        <translation>&amp;Siguiente</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="44" />
        <source>Counselor Desk cannot start</source>
        <translation>Counselor Desk no puede iniciar</translation>
    </message>
    <message>
        <location filename="../app.py" line="73" />
        <source>no system keyring: the demo's encryption key is kept in memory only</source>
        <translation>no hay llavero del sistema: la clave de cifrado de la demostración se guarda solo en memoria</translation>
    </message>
    <message>
        <location filename="../app.py" line="98" />
        <source>Creating demo job seekers: {done} of {total}</source>
        <translation>Creando personas de demostración: {done} de {total}</translation>
    </message>
    <message>
        <location filename="../app.py" line="102" />
        <source>Creating demo job seekers…</source>
        <translation>Creando personas de demostración…</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <location filename="../job_seeker_form.py" line="431" />
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>handout</name>
    <message>
        <location filename="../handout_pdf.py" line="67" />
        <source>length not known</source>
        <translation>duración desconocida</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="68" />
        <source>about {n} hours</source>
        <translation>unas {n} horas</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="84" />
        <source>Your learning plan</source>
        <translation>Su plan de aprendizaje</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="90" />
        <source>Your free license</source>
        <translation>Su licencia gratuita</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="91" />
        <source>A license was issued for you today. The invitation from {sender} will be sent to:</source>
        <translation>Hoy se emitió una licencia para usted. La invitación de {sender} se enviará a:</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="94" />
        <source>Your license</source>
        <translation>Su licencia</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="95" />
        <source>Your license was recorded today and is waiting for approval. Once approved, the invitation from {sender} will be sent to:</source>
        <translation>Su licencia se registró hoy y espera aprobación. Una vez aprobada, la invitación de {sender} se enviará a:</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="99" />
        <source>How the invitation arrives</source>
        <translation>Cómo llega la invitación</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="100" />
        <source>Accept the invitation and enroll by {date}</source>
        <translation>Acepte la invitación e inscríbase antes del {date}</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="102" />
        <source>Finish your courses by {date}</source>
        <translation>Termine sus cursos antes del {date}</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="103" />
        <source>Important dates</source>
        <translation>Fechas importantes</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="105" />
        <source>What you plan to take</source>
        <translation>Lo que piensa estudiar</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="112" />
        <source>In total {total}; you said you have about {weekly} hours a week.</source>
        <translation>En total, {total}; usted dijo que tiene unas {weekly} horas por semana.</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="116" />
        <source>Your schedule</source>
        <translation>Su calendario</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="125" />
        <source>Questions? Who to call</source>
        <translation>¿Preguntas? A quién llamar</translation>
    </message>
    <message>
        <location filename="../handout_pdf.py" line="137" />
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="16" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16" />
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16" />
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16" />
        <source>Haitian Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17" />
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17" />
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17" />
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17" />
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <source>Tagalog</source>
        <translation>Tagalo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <location filename="../labels.py" line="39" />
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22" />
        <source>No high school diploma</source>
        <translation>Sin diploma de escuela secundaria</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22" />
        <source>High school diploma or GED</source>
        <translation>Diploma de secundaria o GED</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23" />
        <source>Some college</source>
        <translation>Algunos estudios universitarios</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23" />
        <source>Associate degree</source>
        <translation>Título de asociado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24" />
        <source>Bachelor's degree</source>
        <translation>Licenciatura</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24" />
        <source>Graduate degree</source>
        <translation>Posgrado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28" />
        <source>Unemployed</source>
        <translation>Desempleado/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28" />
        <source>Furloughed</source>
        <translation>Suspendido/a temporalmente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28" />
        <source>Employed</source>
        <translation>Con empleo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29" />
        <source>Underemployed</source>
        <translation>Subempleado/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29" />
        <location filename="../labels.py" line="44" />
        <source>Self-employed</source>
        <translation>Trabaja por cuenta propia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30" />
        <source>Not in the labor force</source>
        <translation>Fuera de la fuerza laboral</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34" />
        <source>Laid off because of COVID-19</source>
        <translation>Despedido/a por el COVID-19</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35" />
        <source>Furloughed because of COVID-19</source>
        <translation>Suspendido/a por el COVID-19</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36" />
        <source>Cannot find work because of COVID-19</source>
        <translation>No encuentra trabajo por el COVID-19</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37" />
        <source>Business closed</source>
        <translation>Cierre del negocio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37" />
        <source>Plant closure or mass layoff</source>
        <translation>Cierre de planta o despido masivo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38" />
        <source>Laid off (other reason)</source>
        <translation>Despedido/a (otra razón)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38" />
        <source>Quit</source>
        <translation>Renunció</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38" />
        <source>Let go</source>
        <translation>Lo/la despidieron</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39" />
        <source>Never employed</source>
        <translation>Nunca tuvo empleo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43" />
        <source>No computer</source>
        <translation>Sin computadora</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43" />
        <source>No internet at home</source>
        <translation>Sin internet en casa</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44" />
        <source>Small business owner</source>
        <translation>Dueño/a de un pequeño negocio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45" />
        <source>Caregiver</source>
        <translation>Cuida a un familiar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45" />
        <source>Veteran</source>
        <translation>Veterano/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45" />
        <source>Transportation</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46" />
        <source>Childcare</source>
        <translation>Cuidado de niños</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46" />
        <source>Limited English</source>
        <translation>Inglés limitado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47" />
        <source>Disability</source>
        <translation>Discapacidad</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51" />
        <source>1 — New to computers</source>
        <translation>1 — Nuevo/a con las computadoras</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51" />
        <source>2 — Can use e-mail and the web</source>
        <translation>2 — Usa el correo y la web</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52" />
        <source>3 — Comfortable with office software</source>
        <translation>3 — Maneja programas de oficina</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52" />
        <source>4 — Very comfortable</source>
        <translation>4 — Muy cómodo/a</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56" />
        <source>License issued</source>
        <translation>Licencia emitida</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56" />
        <source>License pending approval</source>
        <translation>Licencia pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="57" />
        <source>Not eligible</source>
        <translation>No elegible</translation>
    </message>
    <message>
        <location filename="../labels.py" line="57" />
        <source>Already has a license</source>
        <translation>Ya tiene licencia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58" />
        <source>Referred to other services</source>
        <translation>Derivado/a a otros servicios</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58" />
        <source>Needs a follow-up</source>
        <translation>Necesita seguimiento</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59" />
        <source>Job seeker declined</source>
        <translation>La persona no aceptó</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63" />
        <source>Scheduled</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63" />
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63" />
        <source>Completed</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64" />
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64" />
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68" />
        <source>Beginner</source>
        <translation>Principiante</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68" />
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68" />
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69" />
        <source>Mixed</source>
        <translation>Mixto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73" />
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73" />
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73" />
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77" />
        <source>Issued</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77" />
        <source>Pending approval</source>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77" />
        <source>Revoked</source>
        <translation>Revocada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78" />
        <source>Inactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90" />
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90" />
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90" />
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90" />
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90" />
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <location filename="../labels.py" line="91" />
        <source>{month} {day}, {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../operations.py" line="115" />
        <source>Something went wrong that the app did not expect ({kind}: {detail}). Your saved work is safe. If it happens again, tell your IT support what you were doing.</source>
        <extracomment>Executor names. Writes are serialized; reads may overlap; network work never waits behind a write. How long a worker thread may hold the GIL while the GUI thread waits for it. Python's default (5 ms) lets a busy worker (an export writing 100,000 rows) and the GUI thread fall into a convoy where the GUI waits well over 100 ms; measured at 1 ms: longest GUI stall 19 ms instead of 136 ms, and the export no slower.</extracomment>
        <translation>Ocurrió algo que la aplicación no esperaba ({kind}: {detail}). Su trabajo guardado está a salvo. Si vuelve a pasar, cuéntele a soporte técnico qué estaba haciendo.</translation>
    </message>
    <message>
        <location filename="../operations.py" line="125" />
        <source>Counselor Desk</source>
        <translation>Counselor Desk</translation>
    </message>
    <message>
        <location filename="../operations.py" line="127" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../operations.py" line="129" />
        <source>What you can do next: {step}</source>
        <translation>Qué puede hacer ahora: {step}</translation>
    </message>
    <message>
        <location filename="../operations.py" line="357" />
        <source>Please wait</source>
        <extracomment>Tests set this to collect unhandled errors instead of opening modal dialogs.</extracomment>
        <translation>Espere, por favor</translation>
    </message>
    <message>
        <location filename="../operations.py" line="364" />
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
</TS>