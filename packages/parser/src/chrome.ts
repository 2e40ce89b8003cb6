import { findNumericDate, type PartialDate } from './dates.ts';
import { cjkCount } from './normalize.ts';

// Text copied from a web page carries the site around the document: navigation, datelines,
// "来源", share buttons, copyright and licence footers, "下面是小编…" lead-ins. These rules
// describe web pages in general, never one site.

const CHROME_LINE: RegExp[] = [
  /^(?:时间|来源|作者|发布时间|发布日期|发布者|信息来源|文章来源|字号|编辑|责任编辑|浏览次数|点击数|阅读|分享到)\s*[:：]/,
  /(?:^|\s)(?:时间|来源|作者)\s*[:：].*(?:时间|来源|作者)\s*[:：]/,
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^\d{1,2}\.\d{1,2}\.\d{4}(?:\s+\d{1,2}:\d{2})?$/,
  /^(?:首页|登录|注册|下载客户端|客户端|收藏|我要举报|举报|反馈|分享|打印|关闭|关闭窗口|返回顶部|字号|大|中|小|上一篇|下一篇|【?打印本页】?)$/,
  /logo$/i,
  /^(?:【[^】]{1,12}】\s*)+$/,
  /^【?(?:字体|字号)[:：]/,
  /^(?:当前位置|您现在的位置|你的位置|您的位置)[:：]/,
  /扫一扫在手机|在手机上打开|手机扫码/,
  /下面是小编|为你整理了|为大家整理|供大家参考|范文|会员“/,
  /ICP备|公网安备|网安备|许可证[:：]|Copyright|©|版权所有|Powered by|技术支持[:：]|All Rights Reserved/i,
  /^原标题[:：]|^撰文[:：]|^本文为.*(?:发布|观点)|仅代表该作者|^扫码|^申请.*请用电脑访问/,
];

// Everything after these is the site's "more articles" box, not the document.
const CUT_LINE = /^(?:扩展阅读|推荐阅读|相关阅读|相关文章|相关新闻|热点推荐|推荐内容)/;

export interface Dechromed {
  lines: string[];
  /** The page's dateline, a fallback for years the document leaves out. */
  publishedDate: PartialDate | null;
}

export function stripChrome(lines: string[]): Dechromed {
  const out: string[] = [];
  let publishedDate: PartialDate | null = null;
  for (const [i, line] of lines.entries()) {
    if (CUT_LINE.test(line)) break;
    const chrome = CHROME_LINE.some((re) => re.test(line));
    if (chrome) {
      if (!publishedDate && i < 12) publishedDate = findNumericDate(line);
      continue;
    }
    // Buttons and separators ("• +1", "●●●") carry no Chinese; keep anything with an address.
    if (cjkCount(line) === 0 && !/@|\d{3,}/.test(line)) continue;
    out.push(line);
  }
  return { lines: out, publishedDate };
}
