/** Labels of a closed or finished count: 已结案116批. */
export const DONE_WORDS = ['已结案', '已办结', '已审结', '已结', '办结', '审结', '结案', '已完成', '办毕'];
/** Labels of a count still open: 在办案件4批. */
export const PENDING_WORDS = ['在办', '未结', '未办结', '正在办理', '办理中', '待办'];
/** Labels of an intake count that outcomes are part of: 受理1904件, 接收42批. */
export const INTAKE_WORDS = ['受理', '接收', '收到', '接待', '申请', '上报', '交办', '登记'];
/** Labels of an outcome count that cannot exceed its intake: 归档1742件, 积分入学33名. */
export const OUTCOME_WORDS = ['办结', '结案', '已结', '完成', '归档', '入学', '化解', '回复', '答复', '批准', '采纳', '录用', '解决'];

/** Whether a label contains any of the words. */
export function hasAny(label: string, words: readonly string[]): boolean {
  for (const w of words) if (label.includes(w)) return true;
  return false;
}
