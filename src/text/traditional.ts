/**
 * Traditional characters folded to their simplified forms in the normalised view, one UTF-16
 * unit to one, so a report copied from a traditional-script mirror reads like the original:
 * 總量 is 总量, 辦結 is 办结, 無效 is 无效, 萬 is 万. Only characters whose simplified form is
 * the same word in every report context are listed (no 乾/干-style ambiguity), among them every
 * character the figure scanner's tables need (萬, 兩, 個, 項, 約, 餘 …).
 */
const PAIRS =
  '來来個个們们偉伟傑杰備备傳传僅仅價价億亿儘尽優优兒儿內内兩两冊册劃划動动務务勞劳勢势勵励勸劝區区協协參参叄叁員员問问單单' +
  '噸吨嚴严圍围園园圓圆團团執执報报場场學学實实審审寫写寶宝將将專专對对導导屆届層层屬属岡冈島岛崗岗師师幣币幫帮幹干幾几庫库' +
  '廠厂廣广廳厅張张復复愛爱態态應应戰战戶户揚扬擊击據据擴扩數数於于時时曆历書书會会東东條条棟栋業业極极構构樓楼標标樣样機机' +
  '檔档檢检權权歷历歸归氣气決决準准溫温滿满濕湿濟济災灾無无熱热營营爭争現现環环產产畝亩畢毕畫画當当療疗發发監监確确碼码種种' +
  '稱称積积穩稳競竞節节範范築筑簽签糾纠紀纪約约紅红納纳純纯紙纸級级紛纷終终組组結结絡络統统經经綜综綠绿維维網网緊紧線线編编' +
  '練练縣县縮缩總总績绩織织繼继續续罰罚罷罢聖圣聯联職职聽听脅胁腦脑臨临臺台與与興兴舉举艱艰華华萬万藝艺藥药處处號号虧亏蟲虫' +
  '術术衛卫衝冲補补裝装製制複复見见規规視视親亲覺觉觀观訂订計计訊讯訓训記记訟讼訪访設设訴诉評评詢询試试話话該该詳详誌志認认' +
  '語语誤误說说誰谁課课調调談谈請请論论諮咨諾诺謝谢證证識识議议護护讀读變变讓让負负財财貨货貫贯責责貳贰貴贵買买貸贷費费貼贴' +
  '貿贸賠赔賣卖質质賴赖趕赶趨趋躍跃車车軍军軟软較较輔辅輕轻輛辆輪轮輯辑輸输轉转辦办辭辞辯辩農农這这週周進进運运過过達达違违' +
  '遞递遠远適适選选遺遗還还邊边邏逻郵邮鄉乡鄰邻醫医醬酱釋释針针銀银銷销鋼钢錄录錢钱錯错鍵键鎮镇鐘钟鐵铁長长門门閉闭開开閒闲' +
  '間间閱阅關关陣阵陰阴陳陈陸陆陽阳隊队際际隨随險险隱隐隻只雙双雜杂離离難难雲云電电靜静韋韦響响頁页頃顷項项順顺須须預预領领' +
  '頭头頻频題题額额類类顧顾顯显風风飛飞飯饭飲饮養养餘余館馆馬马駁驳驅驱驗验體体髮发鬥斗魚鱼鳥鸟麥麦黃黄點点黨党齊齐齡龄龍龙';

/** First and last code unit of the CJK Unified Ideographs block, where every listed character is. */
const FIRST = 0x4e00;
const LAST = 0x9fff;

/** Simplified form by code unit offset from FIRST; 0 where the character stays as it is. */
const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(LAST - FIRST + 1);
  for (let i = 0; i + 1 < PAIRS.length; i += 2) t[PAIRS.charCodeAt(i) - FIRST] = PAIRS.charCodeAt(i + 1);
  return t;
})();

/** Every traditional character this file folds, as UTF-16 units. */
export function traditionalUnits(): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < PAIRS.length; i += 2) out.push(PAIRS.charCodeAt(i));
  return out;
}

/** The simplified form of a traditional character, or the character itself. */
export function simplifiedUnit(c: number): number {
  if (c < FIRST || c > LAST) return c;
  return TABLE[c - FIRST] || c;
}

/**
 * `text` with traditional characters folded to simplified, same length. Returns `text` itself
 * (no copy) when it holds none, which is the common case (and always so for a normalised view).
 */
export function foldTraditional(text: string): string {
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (simplifiedUnit(c) !== c) {
      first = i;
      break;
    }
  }
  if (first < 0) return text;
  const out: string[] = [text.slice(0, first)];
  // Chunks keep String.fromCharCode within argument limits and the pass linear.
  const CHUNK = 8192;
  for (let start = first; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) codes[i - start] = simplifiedUnit(text.charCodeAt(i));
    out.push(String.fromCharCode.apply(null, codes));
  }
  return out.join('');
}
