import type { ProposalStatus, Region, RtoCode } from '../../../../shared';
import { inDirection } from './bidi';
import { formatDate, formatList } from './format';
import { type PluralForms, plural } from './plural';
import {
  type DelegationCategory,
  type Interrupted,
  type ListKind,
  oneSpeaker,
  type SpeakerGroup,
  type SummaryTemplates,
} from './types';

const LOCALE = 'zh-CN';
const count = (n: number, forms: PluralForms<'zh'>) => plural('zh', LOCALE, n, forms);

/** ITU's Chinese names of the RTOs, with their abbreviations. */
const RTO: Record<RtoCode, string> = {
  APT: '亚太电信组织（APT）',
  ATU: '非洲电信联盟（ATU）',
  CEPT: '欧洲邮电主管部门大会（CEPT）',
  CITEL: '美洲国家电信委员会（CITEL）',
  LAS: '阿拉伯国家联盟（LAS）',
  RCC: '区域通信联合体（RCC）',
};

/** ITU-D's Chinese names of the regions (亚太, as in 亚太区域筹备会议), the CIS spelt out once. */
const REGION: Record<Exclude<Region, 'none'>, string> = {
  AFR: '非洲',
  AMS: '美洲',
  ARB: '阿拉伯国家',
  ASP: '亚太',
  CIS: '独立国家联合体（独联体）',
  EUR: '欧洲',
};

/** Delegations as ITU counts them in a report: "9个成员国、1个部门成员和3个区域性电信组织". */
const DELEGATIONS: Record<DelegationCategory, PluralForms<'zh'>> = {
  'member-state': { other: '{n}个成员国' },
  'sector-member': { other: '{n}个部门成员' },
  associate: { other: '{n}个部门准成员' },
  academia: { other: '{n}个学术成员' },
  rto: { other: '{n}个区域性电信组织' },
};

const REGION_GROUP: Record<Region, string> = {
  AFR: '非洲区域',
  AMS: '美洲区域',
  ARB: '阿拉伯国家区域',
  ASP: '亚太区域',
  CIS: '独联体区域',
  EUR: '欧洲区域',
  none: '不属于任何区域的与会者',
};

const OTHERS: Record<ListKind, PluralForms<'zh'>> = {
  delegations: { other: '其他{n}个代表团' },
  documents: { other: '其他{n}份文件' },
  proposals: { other: '其他{n}份提案' },
  items: { other: '其他{n}个议程项目' },
};

const STATUS: Record<ProposalStatus, string> = {
  agreed: '提案{s}获得通过。',
  'not-agreed': '提案{s}未获通过。',
  withdrawn: '提案{s}已撤回。',
  'under-consideration': '提案{s}仍在审议中。',
  draft: '提案{s}仍处于草案阶段。',
};

// "非洲区域的肯尼亚和尼日利亚；欧洲区域的法国": the region qualifies its speakers.
const groups = (list: SpeakerGroup[]): string =>
  list.map((g) => `${REGION_GROUP[g.region]}${g.region === 'none' ? '中的' : '的'}${g.speakers}`).join('；');

const interruption = (during: Interrupted | null): string =>
  during === null
    ? ''
    : `当时正在进行的发言（${during.speaker}）被暂停，${during.resumed ? '随后恢复' : '此后未再恢复'}。`;

/** Chinese, in the register of ITU's secretariat. */
export const ZH: SummaryTemplates = {
  locale: LOCALE,
  titled: (meetingTitle) => `主席总结：${meetingTitle}`,
  title: '主席总结',
  submittedBy: '主席',
  sentenceSpace: '',
  user: (text) => inDirection('ltr', text),
  date: (isoDate) => formatDate(LOCALE, isoDate),
  series: (entries) => entries.join('；'),

  time: (hhmm) => hhmm,
  dayWithHours: (date, from, to) => `${date}${from}至${to}`,
  day: (date) => date,
  days: (first, last) => `${first}至${last}`,
  unknownDay: '[日期]',
  moment: (date, time) => `${date}${time}`,
  opening: (f) => {
    // Full-width brackets: a title's own half-width ones inside them do not read as a nest.
    const chair = f.chair ? `${f.chair.name}（${f.chair.delegation}）` : '[主席姓名]';
    const held = `会议于${f.when}（会议时间：${f.zone}，${f.offsets}）以线上方式举行，由${chair}主持。`;
    const a = f.attendance;
    if (!a)
      return `${held}[出席情况：与会者人数；与会者所来自的成员国、部门成员、部门准成员、学术成员和区域性电信组织；有代表出席的区域]`;
    const people = count(a.participants, { other: '{n}名与会者' });
    const from = formatList(
      LOCALE,
      a.delegations.map((d) => count(d.count, DELEGATIONS[d.category])),
    );
    const names = formatList(
      LOCALE,
      a.regions.map((r) => REGION[r]),
    );
    const regions =
      a.regions.length === 0
        ? ''
        : a.regions.length === 6
          ? `全部六个区域均有代表出席：${names}。`
          : `六个区域中有${count(a.regions.length, { other: '{n}个' })}区域有代表出席：${names}。`;
    return `${held}共有${people}出席会议${from ? `，来自${from}` : ''}。${regions}`;
  },

  itemHeading: (number, title) => `议程项目${number}：${title}`,
  document: (symbol, title) => `${symbol}“${title}”`,
  documents: (list) => `在本议程项目下，会议收到以下文件：${list}。`,
  proposal: (symbol, title, by) => `${symbol}“${title}”（提交方：${by}）`,
  proposals: (list) => `会议审议了以下提案：${list}。`,

  spokesperson: (rto) => `${RTO[rto]}发言人`,
  onBehalfOf: (delegation, rto) => `${delegation}代表${RTO[rto]}`,
  interventions: (n) => `（${count(n, { other: '发言{n}次' })}）`,
  others: (kind, n) => count(n, OTHERS[kind]),
  tookTheFloor: (list) =>
    oneSpeaker(list) ? `发言的是：${groups(list)}。` : `以下各方按顺序发言：${groups(list)}。`,
  tookTheFloorOutsideAgenda: (list) =>
    oneSpeaker(list)
      ? `在议程项目审议之外，发言的是：${groups(list)}。`
      : `在议程项目审议之外，以下各方按顺序发言：${groups(list)}。`,
  nobodySpoke: '本议程项目下无人请求发言。',
  pointOfOrder: (by, during) => `以下代表团提出了程序问题：${by}。${interruption(during)}`,
  reply: (by, during) => `以下代表团行使了答辩权：${by}。${interruption(during)}`,
  pointsOfOrder: (n) => count(n, { other: '在审议本议程项目期间，共提出{n}个程序问题。' }),
  replies: (n) => count(n, { other: '在审议本议程项目期间，答辩权共行使{n}次。' }),
  mainPoints: (region) => `[${REGION_GROUP[region]}提出的要点]`,
  awaited: {
    discussion: '[本议程项目下的介绍和各区域提出的要点]',
    outcome: '[本议程项目的审议结果]',
  },

  outcome: (text) => `主席记录的结论如下：“${text}”`,
  fate: {
    concluded: '会议结束了对本议程项目的审议。',
    deferred: '本议程项目的审议被推迟。',
    open: '至会议闭幕时，本议程项目仍在审议中。',
    ongoing: '本议程项目的审议仍在进行中。',
    left: '会议在结束本议程项目的审议之前转入了另一议程项目。',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `本议程项目的审议于${deferredAt}推迟，并于${resumedAt}恢复。`,
  deferredBeforeTakenUp: (deferredAt, takenUpAt) =>
    `本议程项目在开始审议之前于${deferredAt}被推迟，并于${takenUpAt}开始审议。`,
  proposalStatus: (status, symbols) => STATUS[status].replace('{s}', () => symbols),

  paragraphsAgreed: (symbol, numbers) => `在${symbol}中，第${numbers}段获得通过。`,
  paragraphsAdReferendum: (symbol, numbers) => `在${symbol}中，第${numbers}段在待核准的基础上获得通过。`,
  revisionsPublished: (symbols) => `发布了修订本${symbols}。`,
  itemReference: (number, title) => `${number}“${title}”`,
  notTakenUp: (list) => `以下议程项目未予审议：${list}。`,
  range: (first, last) => `${first}至${last}`,
  omitted: (numbers) => `[为使本草案不超过文本的最大长度，议程项目${numbers}未在此总结；请参阅会议记录。]`,
  closing: (closed) =>
    '最后，主席感谢全体与会者的积极和建设性贡献，感谢各位副主席和各区域电信组织发言人的支持，' +
    '并感谢秘书处和口译员的协助' +
    (closed ? `，并于${closed.date}${closed.time}宣布会议闭幕。` : '。') +
    '[下一步工作，包括下次会议的日期]',
};
