# Generates the carrier review BPMN files with a simple left-to-right layout (DI), so Cockpit and modelers show them.
import sys
W, H = {'task': (120, 80), 'event': (36, 36), 'gateway': (50, 50)}, None

def build(proc_id, name, ttl, doc, elements, flows, messages, out):
    pos = {}
    shapes = []
    for el in elements:
        kind = el['kind']
        w, h = W['event'] if 'Event' in kind else W['gateway'] if 'Gateway' in kind else W['task']
        x, y = el['x'], el['y']
        pos[el['id']] = (x - w / 2, y - h / 2, w, h)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_%s" targetNamespace="https://trunkguard.io/bpmn/vendorreview" exporter="Trunkguard" exporterVersion="1">' % proc_id.replace('-', '_')]
    for m in messages:
        lines.append('  <bpmn:message id="%s" name="%s" />' % (m, m))
    lines.append('  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="%s">' % (proc_id, name, ttl))
    lines.append('    <bpmn:documentation>%s</bpmn:documentation>' % doc)
    inc = {e['id']: [] for e in elements}
    outg = {e['id']: [] for e in elements}
    for f in flows:
        outg[f[1]].append(f[0]); inc[f[2]].append(f[0])
    for el in elements:
        attrs = ' '.join('%s="%s"' % (k, v) for k, v in el.get('attrs', {}).items())
        lines.append('    <bpmn:%s id="%s" name="%s"%s>' % (el['kind'], el['id'], el['name'], (' ' + attrs) if attrs else ''))
        if el.get('doc'):
            lines.append('      <bpmn:documentation>%s</bpmn:documentation>' % el['doc'])
        for i in inc[el['id']]:
            lines.append('      <bpmn:incoming>%s</bpmn:incoming>' % i)
        for o in outg[el['id']]:
            lines.append('      <bpmn:outgoing>%s</bpmn:outgoing>' % o)
        if el.get('inner'):
            lines.append('      ' + el['inner'])
        lines.append('    </bpmn:%s>' % el['kind'])
    for f in flows:
        fid, src, dst = f[0], f[1], f[2]
        label = f[3] if len(f) > 3 else None
        cond = f[4] if len(f) > 4 else None
        nm = ' name="%s"' % label if label else ''
        if cond:
            lines.append('    <bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s">' % (fid, nm, src, dst))
            lines.append('      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % cond)
            lines.append('    </bpmn:sequenceFlow>')
        else:
            lines.append('    <bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s" />' % (fid, nm, src, dst))
    lines.append('  </bpmn:process>')
    lines.append('  <bpmndi:BPMNDiagram id="Diagram_%s">' % proc_id.replace('-', '_'))
    lines.append('    <bpmndi:BPMNPlane id="Plane_%s" bpmnElement="%s">' % (proc_id.replace('-', '_'), proc_id))
    for el in elements:
        x, y, w, h = pos[el['id']]
        lines.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"><dc:Bounds x="%d" y="%d" width="%d" height="%d" /></bpmndi:BPMNShape>' % (el['id'], el['id'], x, y, w, h))
    svg = []
    for f in flows:
        sx, sy, sw, sh = pos[f[1]]; tx, ty, tw, th = pos[f[2]]
        a = (sx + sw, sy + sh / 2); b = (tx, ty + th / 2)
        if tx + tw / 2 < sx + sw / 2:  # backwards: route above
            a = (sx + sw / 2, sy); b = (tx + tw / 2, ty)
            pts = [a, (a[0], min(sy, ty) - 40), (b[0], min(sy, ty) - 40), b]
        elif abs(a[1] - b[1]) < 1:
            pts = [a, b]
        else:
            mid = (a[0] + b[0]) / 2
            if 'Gateway' in [e for e in elements if e['id'] == f[1]][0]['kind']:
                a = (sx + sw / 2, sy + sh if b[1] > a[1] else sy)
                pts = [a, (a[0], b[1]), b]
            else:
                pts = [a, (mid, a[1]), (mid, b[1]), b]
        wp = ''.join('<di:waypoint x="%d" y="%d" />' % p for p in pts)
        lines.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s</bpmndi:BPMNEdge>' % (f[0], f[0], wp))
        svg.append((pts, f[3] if len(f) > 3 else None))
    lines.append('    </bpmndi:BPMNPlane>')
    lines.append('  </bpmndi:BPMNDiagram>')
    lines.append('</bpmn:definitions>')
    open(out, 'w').write('\n'.join(lines) + '\n')
    # SVG rendering
    maxx = max(p[0] + p[2] for p in pos.values()) + 40; maxy = max(p[1] + p[3] for p in pos.values()) + 60
    s = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">' % (maxx, maxy, maxx, maxy),
         '<defs><marker id="arrow" markerWidth="10" markerHeight="10" refX="9" refY="3" orient="auto"><path d="M0,0 L9,3 L0,6 z" fill="#333"/></marker></defs>',
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="10" y="18" font-size="14" font-weight="bold">%s</text>' % name]
    for pts, label in svg:
        s.append('<polyline fill="none" stroke="#333" marker-end="url(#arrow)" points="%s"/>' % ' '.join('%d,%d' % p for p in pts))
        if label:
            s.append('<text x="%d" y="%d" fill="#555">%s</text>' % (pts[0][0] + 6, pts[0][1] - 6 if len(pts) == 2 else pts[1][1] - 4, label))
    import textwrap
    for el in elements:
        x, y, w, h = pos[el['id']]
        k = el['kind']
        if 'Event' in k:
            s.append('<circle cx="%d" cy="%d" r="18" fill="white" stroke="#333" stroke-width="%d"/>' % (x + 18, y + 18, 3 if k == 'endEvent' else 1))
            ly = y + 50
            for i, t in enumerate(textwrap.wrap(el['name'], 22)):
                s.append('<text x="%d" y="%d" text-anchor="middle">%s</text>' % (x + 18, ly + 12 * i, t))
        elif 'Gateway' in k:
            s.append('<polygon points="%d,%d %d,%d %d,%d %d,%d" fill="white" stroke="#333"/>' % (x + 25, y, x + 50, y + 25, x + 25, y + 50, x, y + 25))
            for i, t in enumerate(textwrap.wrap(el['name'], 22)):
                s.append('<text x="%d" y="%d" text-anchor="middle">%s</text>' % (x + 25, y - 8 - 12 * (len(textwrap.wrap(el['name'], 22)) - 1 - i), t))
        else:
            fill = '#eef5ff' if k == 'userTask' else '#ffffff'
            s.append('<rect x="%d" y="%d" width="%d" height="%d" rx="10" fill="%s" stroke="#333"/>' % (x, y, w, h, fill))
            tl = textwrap.wrap(el['name'], 20)
            for i, t in enumerate(tl):
                s.append('<text x="%d" y="%d" text-anchor="middle">%s</text>' % (x + w / 2, y + h / 2 - 6 * (len(tl) - 1) + 12 * i + 4, t))
            s.append('<text x="%d" y="%d" font-size="9" fill="#666">%s</text>' % (x + 6, y + 12, 'person' if k == 'userTask' else ''))
    s.append('</svg>')
    open(out.replace('.bpmn', '.svg'), 'w').write('\n'.join(s) + '\n')

LEAD = 'camunda:candidateGroups'
review_elements = [
    dict(id='StartEvent_ReviewStarted', kind='startEvent', name='Review due or started by hand', x=60, y=200),
    dict(id='Task_SendQuestionnaire', kind='serviceTask', name='Send the questionnaire to the carrier contact', x=190, y=200, attrs={'camunda:delegateExpression': '${sendQuestionnaireDelegate}'}),
    dict(id='Gateway_QuestionnaireSent', kind='exclusiveGateway', name='Questionnaire sent?', x=330, y=200),
    dict(id='Gateway_AwaitQuestionnaire', kind='exclusiveGateway', name='', x=420, y=320),
    dict(id='Gateway_QuestionnaireOutcome', kind='eventBasedGateway', name='', x=510, y=320),
    dict(id='Event_QuestionnaireSubmitted', kind='intermediateCatchEvent', name='Questionnaire submitted', x=610, y=320, inner='<bpmn:messageEventDefinition id="MessageDefinition_QuestionnaireSubmitted" messageRef="Message_QuestionnaireSubmitted" />'),
    dict(id='Timer_QuestionnaireExpired', kind='intermediateCatchEvent', name='Link expired', x=610, y=450, inner='<bpmn:timerEventDefinition id="TimerDefinition_QuestionnaireExpired"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${questionnaireExpiresAt}</bpmn:timeDate></bpmn:timerEventDefinition>'),
    dict(id='Task_NoteQuestionnaireExpired', kind='serviceTask', name='Note the expired questionnaire', x=730, y=450, attrs={'camunda:delegateExpression': '${noteQuestionnaireExpiredDelegate}'}),
    dict(id='Task_QuestionnaireExpired', kind='userTask', name='Re-send the questionnaire or continue without', x=880, y=450, attrs={LEAD: 'compliance-lead'}),
    dict(id='Gateway_ResendOrContinue', kind='exclusiveGateway', name='Re-send?', x=1010, y=450),
    dict(id='Task_ResendQuestionnaire', kind='serviceTask', name='Re-send with a new link', x=1010, y=570, attrs={'camunda:delegateExpression': '${resendQuestionnaireDelegate}'}),
    dict(id='Gateway_ToReportReview', kind='exclusiveGateway', name='', x=1100, y=200),
    dict(id='Task_ReviewSocReport', kind='userTask', name='Review the SOC report', x=1210, y=200, attrs={LEAD: 'compliance-lead'}, doc='Completed when a compliance lead records the structured SOC report review (type, period, opinion, exceptions, CUECs, bridge letter) on the carrier page.'),
    dict(id='Task_CheckDocuments', kind='serviceTask', name='Check DPA, BAA, contract, clause and encryption status', x=1360, y=200, attrs={'camunda:delegateExpression': '${checkDocumentsDelegate}'}),
    dict(id='Task_Decide', kind='userTask', name='Decide: approve, approve with conditions or reject', x=1510, y=200, attrs={LEAD: 'compliance-lead'}, doc='Four eyes: the owner of the carrier cannot decide while another compliance lead exists (trunkguard.carrier-review.four-eyes).'),
    dict(id='Gateway_Decision', kind='exclusiveGateway', name='Decision', x=1640, y=200),
    dict(id='Task_NotifyOwner', kind='serviceTask', name='Tell the owner of the rejection', x=1640, y=330, attrs={'camunda:delegateExpression': '${notifyOwnerDelegate}'}),
    dict(id='Gateway_ToRecord', kind='exclusiveGateway', name='', x=1760, y=200),
    dict(id='Task_WriteRecord', kind='serviceTask', name='Write the review record and store it as CC9.2 evidence', x=1880, y=200, attrs={'camunda:delegateExpression': '${writeRecordDelegate}', 'camunda:asyncBefore': 'true'}),
    dict(id='Task_ScheduleNext', kind='serviceTask', name='Schedule the next review', x=2030, y=200, attrs={'camunda:delegateExpression': '${scheduleNextReviewDelegate}'}),
    dict(id='Event_ReviewCompleted', kind='endEvent', name='Review completed', x=2150, y=200),
]
review_flows = [
    ('Flow_ToSend', 'StartEvent_ReviewStarted', 'Task_SendQuestionnaire'),
    ('Flow_ToSentCheck', 'Task_SendQuestionnaire', 'Gateway_QuestionnaireSent'),
    ('Flow_NoContact', 'Gateway_QuestionnaireSent', 'Gateway_ToReportReview', 'no contact', '${!questionnaireSent}'),
    ('Flow_Sent', 'Gateway_QuestionnaireSent', 'Gateway_AwaitQuestionnaire', 'sent', '${questionnaireSent}'),
    ('Flow_ToWait', 'Gateway_AwaitQuestionnaire', 'Gateway_QuestionnaireOutcome'),
    ('Flow_ToSubmitted', 'Gateway_QuestionnaireOutcome', 'Event_QuestionnaireSubmitted'),
    ('Flow_ToExpired', 'Gateway_QuestionnaireOutcome', 'Timer_QuestionnaireExpired'),
    ('Flow_SubmittedToReview', 'Event_QuestionnaireSubmitted', 'Gateway_ToReportReview'),
    ('Flow_ToNoteExpired', 'Timer_QuestionnaireExpired', 'Task_NoteQuestionnaireExpired'),
    ('Flow_ToExpiredTask', 'Task_NoteQuestionnaireExpired', 'Task_QuestionnaireExpired'),
    ('Flow_ToResendChoice', 'Task_QuestionnaireExpired', 'Gateway_ResendOrContinue'),
    ('Flow_Resend', 'Gateway_ResendOrContinue', 'Task_ResendQuestionnaire', 're-send', '${resendQuestionnaire}'),
    ('Flow_ContinueWithout', 'Gateway_ResendOrContinue', 'Gateway_ToReportReview', 'continue without', '${!resendQuestionnaire}'),
    ('Flow_ResentToWait', 'Task_ResendQuestionnaire', 'Gateway_AwaitQuestionnaire'),
    ('Flow_ToReportReview', 'Gateway_ToReportReview', 'Task_ReviewSocReport'),
    ('Flow_ToChecks', 'Task_ReviewSocReport', 'Task_CheckDocuments'),
    ('Flow_ToDecide', 'Task_CheckDocuments', 'Task_Decide'),
    ('Flow_ToDecision', 'Task_Decide', 'Gateway_Decision'),
    ('Flow_Rejected', 'Gateway_Decision', 'Task_NotifyOwner', 'rejected', "${decision == 'REJECTED'}"),
    ('Flow_Approved', 'Gateway_Decision', 'Gateway_ToRecord', 'approved (with or without conditions)', "${decision != 'REJECTED'}"),
    ('Flow_NotifiedToRecord', 'Task_NotifyOwner', 'Gateway_ToRecord'),
    ('Flow_ToRecord', 'Gateway_ToRecord', 'Task_WriteRecord'),
    ('Flow_ToSchedule', 'Task_WriteRecord', 'Task_ScheduleNext'),
    ('Flow_ToEnd', 'Task_ScheduleNext', 'Event_ReviewCompleted'),
]
build('carrier-review', 'Annual carrier review', 'P1825D',
      'Business key: the carrier review id. Variables hold ids, dates and decisions only (see CarrierReviewProcess). SOC 2 CC9.2: every step is in the audit trail; the record PDF is stored as evidence.',
      review_elements, review_flows, ['Message_QuestionnaireSubmitted'], sys.argv[1] + '/carrier-review.bpmn')
schedule_elements = [
    dict(id='StartEvent_EveryMorning', kind='startEvent', name='Every morning at 06:00', x=60, y=100, inner='<bpmn:timerEventDefinition id="TimerDefinition_EveryMorning"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">0 0 6 * * ?</bpmn:timeCycle></bpmn:timerEventDefinition>'),
    dict(id='Task_StartDueReviews', kind='serviceTask', name='Start the reviews that are due soon or overdue', x=200, y=100, attrs={'camunda:delegateExpression': '${startDueReviewsDelegate}'}),
    dict(id='Task_RemindQuestionnaires', kind='serviceTask', name='Remind contacts 7 and 2 days before their link expires', x=350, y=100, attrs={'camunda:delegateExpression': '${remindQuestionnairesDelegate}'}),
    dict(id='Event_ReviewsStarted', kind='endEvent', name='Due reviews started, contacts reminded', x=480, y=100),
]
schedule_flows = [
    ('Flow_ToStartDue', 'StartEvent_EveryMorning', 'Task_StartDueReviews'),
    ('Flow_ToRemind', 'Task_StartDueReviews', 'Task_RemindQuestionnaires'),
    ('Flow_ToStarted', 'Task_RemindQuestionnaires', 'Event_ReviewsStarted'),
]
build('carrier-review-schedule', 'Carrier review schedule', 'P30D',
      'Starts an annual review for every carrier due within trunkguard.carrier-review.due-soon-days (by risk tier cadence) or overdue, with none running.',
      schedule_elements, schedule_flows, [], sys.argv[1] + '/carrier-review-schedule.bpmn')
