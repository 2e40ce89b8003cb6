// What a rendered template is: a list of blocks in the roles GB/T 9704 knows. The docx writer
// gives each role its font and indent; nothing else decides layout.

export type LineStyle =
  'title' | 'heading1' | 'heading2' | 'heading3' | 'paragraph' | 'flushLeft' | 'signature';

export type DocBlock =
  /** 标题: 方正小标宋简体 二号, centred. */
  | { kind: 'title'; text: string }
  /** 一级标题 (一、): 黑体 三号. */
  | { kind: 'heading1'; text: string }
  /** 二级标题 (（一）): 楷体_GB2312 三号. */
  | { kind: 'heading2'; text: string }
  /** 三级标题 (1.): 仿宋_GB2312 三号 like the body, but kept on the page of what follows it. */
  | { kind: 'heading3'; text: string }
  /** 正文: 仿宋_GB2312 三号, first line indented two characters. */
  | { kind: 'paragraph'; text: string }
  /** 顶格 line, e.g. the addressee (主送机关) "县委巡察办：". */
  | { kind: 'flushLeft'; text: string }
  /** 落款: issuing unit then date, right-aligned per GB/T 9704 7.3.5.2. */
  | { kind: 'signature'; lines: string[] };

export interface DocumentModel {
  /** The first title line, used as the file's document title property. */
  title: string;
  blocks: DocBlock[];
}
