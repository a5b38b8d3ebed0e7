import type { AlertText, TemplateFields as F, TemplateSet } from './template.types';

const vence = (f: F, name = 'dueAt'): string => (f.v(name) ? ` Vence el ${f.at(name)}.` : '');

/** Spanish texts. In-app detail only: email and SMS use ES_ALERT. */
export const ES_TEMPLATES: TemplateSet = {
  case_assigned: { care_team: { subject: () => 'Se le asignó un caso', body: (f) => `El caso ${f.v('caseId')} ahora es suyo${f.v('riskTier') ? ` (nivel de riesgo: ${f.term('riskTier')})` : ''}. Ábralo para planificar el primer contacto.` } },
  no_care_manager_capacity: { supervisor: { subject: () => 'Un caso no tiene gestor de casos', body: (f) => `Ningún gestor de casos tenía capacidad para el caso ${f.v('caseId')}${f.v('riskTier') ? ` (nivel de riesgo: ${f.term('riskTier')})` : ''}. Asigne uno.` } },
  outreach_attempt_due: { care_team: { subject: (f) => `Toca el intento de contacto ${f.v('attemptNumber')}`, body: (f) => `Haga el intento de contacto ${f.v('attemptNumber')} del caso ${f.v('caseId')}${f.v('channel') ? ` (${f.term('channel')})` : ''}.${vence(f)}` } },
  unable_to_reach_parked: { supervisor: { subject: () => 'No se pudo contactar a un afiliado', body: (f) => `El caso ${f.v('caseId')} espera su decisión después de ${f.v('attempts')} intentos de contacto.` } },
  task_nudged: { care_team: { subject: (f) => `Recordatorio: ${f.term('taskKind')}`, body: (f) => `Un supervisor le pidió revisar la tarea ${f.v('taskKey')} (${f.term('taskKind')}) del caso ${f.v('caseId')}.${vence(f)}` } },
  plan_review_due: { care_team: { subject: () => 'Toca revisar un plan de cuidado', body: (f) => `El plan de cuidado del caso ${f.v('caseId')} debe revisarse (tarea ${f.v('taskKey')}).${vence(f)}` } },
  reassessment_due: { care_team: { subject: () => 'Toca una reevaluación', body: (f) => `El caso ${f.v('caseId')} debe reevaluarse (tarea ${f.v('taskKey')}).${vence(f)}` } },
  task_reminder: {
    care_team: { subject: (f) => `Vence pronto: ${f.term('subject')}`, body: (f) => `La tarea ${f.v('taskKey')} (${f.term('subject')}, reloj ${f.v('clock')}) del caso ${f.v('caseId')} vence el ${f.at('dueAt')}.` },
    supervisor: { subject: (f) => `Vence pronto: ${f.term('subject')}`, body: (f) => `La tarea ${f.v('taskKey')} (${f.term('subject')}, reloj ${f.v('clock')}) del caso ${f.v('caseId')} vence el ${f.at('dueAt')}.` },
  },
  task_missed: { supervisor: { subject: (f) => `Vencida: ${f.term('subject')}`, body: (f) => `La tarea ${f.v('taskKey')} (${f.term('subject')}, reloj ${f.v('clock')}) del caso ${f.v('caseId')} vencía el ${f.at('dueAt')} y no está hecha. Se le escala a usted.` } },
  supplemental_info_requested: { provider: { subject: () => 'Se solicita información complementaria', body: (f) => `Envíe la información complementaria solicitada para el caso ${f.v('caseId')}.${vence(f)}` } },
  supplemental_info_overdue: { supervisor: { subject: () => 'La información complementaria está vencida', body: (f) => `La información complementaria del caso ${f.v('caseId')} no ha llegado.${f.v('dueAt') ? ` Vencía el ${f.at('dueAt')}.` : ''}` } },
  stop_participation_review_due: { supervisor: { subject: () => 'Una solicitud de fin de participación requiere revisión', body: (f) => `El proveedor ${f.v('providerId')} pidió terminar la participación en el caso ${f.v('caseId')} (solicitud ${f.v('requestId')}). Decídala.${vence(f)}` } },
  care_manager_change_requested: { supervisor: { subject: () => 'Se pidió cambiar de gestor de casos', body: (f) => `El proveedor ${f.v('providerId')} pidió otro gestor de casos para el caso ${f.v('caseId')} (solicitud ${f.v('requestId')}${f.v('careManagerId') ? `, actual: ${f.v('careManagerId')}` : ''}).` } },
  stop_participation_decided: { provider: { subject: () => 'Se decidió su solicitud de fin de participación', body: (f) => `La solicitud ${f.v('requestId')} del caso ${f.v('caseId')} fue ${f.term('decision')}.` } },
  pcp_care_plan_handover: { provider: { subject: () => 'Se le transfirió un plan de cuidado', body: (f) => `Ahora es el médico de cabecera del caso ${f.v('caseId')}${f.v('activePlanVersion') ? `; el plan de cuidado activo es la versión ${f.v('activePlanVersion')}` : ''}.` } },
  care_plan_summary_available: { provider: { subject: () => 'Hay un resumen del plan de cuidado', body: (f) => `La versión ${f.v('planVersion')} del plan de cuidado del caso ${f.v('caseId')} (programa ${f.v('programCode')}) está disponible.` } },
  provider_report_forwarded: { provider: { subject: () => 'Recibimos su informe', body: (f) => `Su informe sobre el caso ${f.v('caseId')} quedó registrado (evento ${f.v('reportSeq')}).` } },
  symptom_increase: { provider: { subject: () => 'Un evento de seguimiento requiere su atención', body: (f) => `Se registró un evento de seguimiento en el caso ${f.v('caseId')} (evento ${f.v('eventSeq')}). Inicie sesión para leerlo.` } },
  adherence_variation: { provider: { subject: () => 'Un evento de seguimiento requiere su atención', body: (f) => `Se registró un evento de seguimiento en el caso ${f.v('caseId')} (evento ${f.v('eventSeq')}). Inicie sesión para leerlo.` } },
  committee_case_update: { committee: { subject: () => 'Hay una actualización de caso', body: (f) => `Hay una actualización de caso para el comité: ${f.v('monthsInProgram')} meses en el programa, nivel de riesgo ${f.term('riskTier')}, paso ${f.term('step')}.` } },
  transition_task_reminder: { care_team: { subject: (f) => `Seguimiento de alta pendiente: ${f.term('task')}`, body: (f) => `La tarea de transición "${f.term('task')}" del alta ${f.v('dischargeId')} (caso ${f.v('caseId')}) vence el ${f.at('dueAt')}.` } },
  transition_task_missed: { care_team: { subject: (f) => `Seguimiento de alta vencido: ${f.term('task')}`, body: (f) => `La tarea de transición "${f.term('task')}" del alta ${f.v('dischargeId')} (caso ${f.v('caseId')}) vencía el ${f.at('dueAt')} y no está hecha.` } },
  transition_task_escalated: { supervisor: { subject: (f) => `Seguimiento de alta escalado: ${f.term('task')}`, body: (f) => `La tarea de transición "${f.term('task')}" del alta ${f.v('dischargeId')} (caso ${f.v('caseId')}) vencía el ${f.at('dueAt')}; se le escala a usted.` } },
  pcp_discharge_notice: { provider: { subject: () => 'Un paciente suyo fue dado de alta', body: (f) => `Alta ${f.v('dischargeId')} (caso ${f.v('caseId')}) el ${f.at('dischargedAt')}. Inicie sesión para leer los detalles de la transición.` } },
  ur_request_received: { provider: { subject: () => 'Recibimos su solicitud de revisión', body: (f) => `Se recibió la revisión ${f.v('reviewId')}.${f.v('decisionDueAt') ? ` La decisión vence el ${f.at('decisionDueAt')}.` : ' Está incompleta; le diremos qué falta.'}` } },
  ur_information_requested: { provider: { subject: () => 'Falta información para su solicitud de revisión', body: (f) => `La revisión ${f.v('reviewId')} necesita: ${f.term('missing')}.${vence(f)}` } },
  ur_information_window_closed: { provider: { subject: () => 'Se cerró el plazo de información de su solicitud', body: (f) => `La revisión ${f.v('reviewId')} se decide sin: ${f.term('missing')}.` } },
  ur_decision_notice: {
    provider: { subject: () => 'Se tomó una decisión de revisión', body: (f) => `Revisión ${f.v('reviewId')} (${f.term('level')}): ${f.term('decision')}.${f.v('approvedQuantity') ? ` Cantidad aprobada: ${f.v('approvedQuantity')}.` : ''}${f.v('appealableUntil') ? ` Puede apelarse hasta el ${f.at('appealableUntil')}.` : ''}` },
    member: { subject: () => 'Una decisión sobre su solicitud de atención', body: (f) => `Se tomó una decisión sobre la revisión ${f.v('reviewId')}: ${f.term('decision')}.${f.v('appealableUntil') ? ` Puede apelar hasta el ${f.at('appealableUntil')}.` : ''}` },
  },
  ur_decision_deadline_near: { supervisor: { subject: () => 'Una decisión de revisión vence pronto', body: (f) => `La revisión ${f.v('reviewId')} (${f.term('level')}, ${f.term('urgency')}) debe decidirse antes del ${f.at('dueAt')}.` } },
  ur_decision_overdue: { supervisor: { subject: () => 'Una decisión de revisión está vencida', body: (f) => `La revisión ${f.v('reviewId')} (${f.term('level')}, ${f.term('urgency')}) vencía el ${f.at('dueAt')} y no está decidida.` } },
  ur_appeal_received: { provider: { subject: () => 'Recibimos su apelación', body: (f) => `Se recibió la apelación de la revisión ${f.v('reviewId')}.${f.v('decisionDueAt') ? ` La decisión vence el ${f.at('decisionDueAt')}.` : ''}` } },
  complaint_received: {
    member: { subject: () => 'Recibimos su queja', body: (f) => `Se recibió la queja ${f.v('complaintId')}. La acusaremos antes del ${f.at('acknowledgeBy')} y la resolveremos antes del ${f.at('resolveBy')}.` },
    provider: { subject: () => 'Recibimos su queja', body: (f) => `Se recibió la queja ${f.v('complaintId')}. Acuse antes del ${f.at('acknowledgeBy')}, resolución antes del ${f.at('resolveBy')}.` },
  },
  complaint_acknowledged: {
    member: { subject: () => 'Estamos atendiendo su queja', body: (f) => `Se acusó recibo de la queja ${f.v('complaintId')}. La resolveremos antes del ${f.at('resolveBy')}.` },
    provider: { subject: () => 'Se acusó recibo de su queja', body: (f) => `Se acusó recibo de la queja ${f.v('complaintId')}; resolución antes del ${f.at('resolveBy')}.` },
  },
  complaint_resolved: {
    member: { subject: () => 'Su queja fue resuelta', body: (f) => `La queja ${f.v('complaintId')} fue resuelta (${f.term('outcome')}).` },
    provider: { subject: () => 'Su queja fue resuelta', body: (f) => `La queja ${f.v('complaintId')} fue resuelta (${f.term('outcome')}).` },
  },
  complaint_acknowledgement_overdue: { supervisor: { subject: () => 'El acuse de una queja está vencido', body: (f) => `La queja ${f.v('complaintId')} debía acusarse antes del ${f.at('dueAt')}.` } },
  complaint_resolution_overdue: { supervisor: { subject: () => 'La resolución de una queja está vencida', body: (f) => `La queja ${f.v('complaintId')} debía resolverse antes del ${f.at('dueAt')}.` } },
};

export const ES_ALERT: AlertText = {
  subject: 'CareLoop: tiene un mensaje nuevo',
  body: (where) => `Tiene un mensaje nuevo en CareLoop.\nInicie sesión para leerlo: ${where}\n\nEste correo no contiene el mensaje.\n`,
  sms: (where) => `CareLoop: tiene un mensaje nuevo. Léalo en ${where}`,
};

export const ES_TERMS: Readonly<Record<string, string>> = {
  high: 'alto', medium: 'medio', low: 'bajo',
  approved: 'aprobada', rejected: 'rechazada',
  initial: 'revisión inicial', appeal: 'apelación', standard: 'estándar', expedited: 'acelerada',
  member_contact: 'contacto con el afiliado', medication_reconciliation: 'conciliación de medicamentos', follow_up_visit: 'visita de seguimiento', pcp_informed: 'médico de cabecera informado del alta',
  screening_deadline: 'plazo de evaluación inicial', screening: 'evaluación inicial', outreach_attempt: 'intento de contacto', assessment: 'evaluación', care_plan: 'plan de cuidado',
  plan_consent: 'consentimiento del plan', member_discussion: 'conversación del plan con el afiliado', contact: 'contacto', supplemental_info: 'información complementaria',
  plan_review: 'revisión del plan de cuidado', reassessment: 'reevaluación', stop_participation_review: 'revisión de fin de participación',
  phone: 'teléfono', sms: 'SMS', email: 'correo electrónico', letter: 'carta', portal: 'portal',
};
