import { memo, useEffect, useMemo, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  AimOutlined,
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  OrderedListOutlined,
  PlusOutlined,
  ScissorOutlined,
} from '@ant-design/icons';
import { INSPECTION_KINDS, type InspectionKind } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import {
  DATE_RE,
  FULL_DATE_RE,
  addCategory,
  addMeasure,
  addProblem,
  counts,
  deleteCategory,
  deleteMeasure,
  deleteProblem,
  editCategory,
  editMeasure,
  editProblem,
  mergeMeasure,
  moveProblem,
  renumber,
  shiftProblem,
  splitMeasure,
  type ECategory,
  type EDoc,
  type EMeasure,
  type EProblem,
} from './edit.ts';
import './messages.ts';

// The right-hand side of the preview: the parsed document as an editable tree. Every change goes
// through `update` (a pure function of the document), so items keep their keys and the cursor
// stays where it was.

const LABEL = { display: 'block', fontSize: 12, color: '#8c8c8c', marginBottom: 2 } as const;

export type Update = (f: (doc: EDoc) => EDoc) => void;
type Focus = (key: string) => void;

/** Focuses the element carrying data-focus-key once it is in the page. */
export function useFocusAfterRender(focusKey: string | null, done: () => void) {
  useEffect(() => {
    if (!focusKey) return;
    const el = document.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    }
    done();
  }, [focusKey, done]);
}

export function HeaderEditor({ doc, update, showName }: { doc: EDoc; update: Update; showName: boolean }) {
  const { t } = useI18n();
  const d = t.documents;
  const dateField = (id: string, label: string, value: string, set: (v: string) => void) => {
    const bad = value.trim() !== '' && !DATE_RE.test(value.trim());
    const monthOnly = value.trim() !== '' && !bad && !FULL_DATE_RE.test(value.trim());
    return (
      <Col xs={24} sm={8}>
        <label htmlFor={id} style={LABEL}>
          {label}
        </label>
        <Tooltip title={bad ? d.dateInvalid : monthOnly ? d.monthOnly : undefined}>
          <Input
            id={id}
            value={value}
            placeholder={d.datePlaceholder}
            status={bad ? 'error' : monthOnly ? 'warning' : undefined}
            onChange={(e) => set(e.target.value)}
          />
        </Tooltip>
      </Col>
    );
  };
  const period = doc.inspectionPeriod ?? { start: '', end: '' };
  return (
    <Card size="small" title={d.header} style={{ marginBottom: 12 }} data-testid="doc-header">
      <Row gutter={[12, 8]}>
        {showName && (
          <Col span={24}>
            <label htmlFor="doc-title" style={LABEL}>
              {d.docTitle}
            </label>
            <Input
              id="doc-title"
              data-testid="doc-title"
              data-focus-key="title"
              value={doc.title ?? ''}
              status={doc.title?.trim() ? undefined : 'error'}
              onChange={(e) => {
                const title = e.target.value;
                update((x) => ({ ...x, title }));
              }}
            />
          </Col>
        )}
        <Col xs={24} sm={8}>
          <label htmlFor="doc-kind" style={LABEL}>
            {d.kind}
          </label>
          <Select<InspectionKind | null>
            id="doc-kind"
            style={{ width: '100%' }}
            value={doc.kind}
            placeholder={d.kindUnknown}
            allowClear
            options={INSPECTION_KINDS.map((k) => ({ value: k, label: t.inspectionKind[k] }))}
            onChange={(kind) => update((x) => ({ ...x, kind: kind ?? null }))}
          />
        </Col>
        <Col xs={24} sm={8}>
          <label htmlFor="doc-inspector" style={LABEL}>
            {d.inspector}
          </label>
          <Input
            id="doc-inspector"
            value={doc.inspector ?? ''}
            onChange={(e) => {
              const inspector = e.target.value;
              update((x) => ({ ...x, inspector }));
            }}
          />
        </Col>
        <Col xs={24} sm={8}>
          <label htmlFor="doc-inspected" style={LABEL}>
            {d.inspectedUnit}
          </label>
          <Input
            id="doc-inspected"
            value={doc.inspectedUnit ?? ''}
            onChange={(e) => {
              const inspectedUnit = e.target.value;
              update((x) => ({ ...x, inspectedUnit }));
            }}
          />
        </Col>
        {dateField('doc-period-start', d.periodStart, period.start, (start) =>
          update((x) => ({ ...x, inspectionPeriod: { start, end: x.inspectionPeriod?.end ?? '' } })),
        )}
        {dateField('doc-period-end', d.periodEnd, period.end, (end) =>
          update((x) => ({ ...x, inspectionPeriod: { start: x.inspectionPeriod?.start ?? '', end } })),
        )}
        {dateField('doc-feedback', d.feedbackDate, doc.feedbackDate ?? '', (feedbackDate) =>
          update((x) => ({ ...x, feedbackDate })),
        )}
        {doc.contact && (doc.contact.phone || doc.contact.email) && (
          <Col span={24}>
            <Typography.Text type="secondary">
              {d.contact}：{[doc.contact.phone, doc.contact.email].filter(Boolean).join('，')}
            </Typography.Text>
          </Col>
        )}
      </Row>
    </Card>
  );
}

export function TotalsPanel({ doc }: { doc: EDoc }) {
  const { t } = useI18n();
  const d = t.documents;
  const now = counts(doc);
  const stated = doc.statedTotals;
  const rows: { what: string; stated: number; counted: number }[] = [];
  if (stated.categories !== undefined)
    rows.push({ what: d.unitCategories, stated: stated.categories, counted: now.categories });
  if (stated.problems !== undefined)
    rows.push({ what: d.unitProblems, stated: stated.problems, counted: now.problems });
  if (stated.measures !== undefined)
    rows.push({ what: d.unitMeasures, stated: stated.measures, counted: now.measures });
  const mismatch = rows.some((r) => r.stated !== r.counted);
  return (
    <Alert
      type={mismatch ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="doc-totals"
      role="status"
      title={d.countedOnly(now.categories, now.problems, now.measures)}
      description={
        rows.length > 0 || stated.completedMeasures !== undefined ? (
          <Space wrap size={[8, 4]}>
            {stated.completedMeasures !== undefined && (
              <Tag color="blue">{d.statedCompleted(stated.completedMeasures)}</Tag>
            )}
            {rows.map((r) => (
              <Tag
                key={r.what}
                color={r.stated === r.counted ? 'green' : 'orange'}
                data-testid="doc-total-row"
                data-match={r.stated === r.counted}
              >
                {d.statedVsCounted(r.what, r.stated, r.counted)}
              </Tag>
            ))}
          </Space>
        ) : undefined
      }
    />
  );
}

export function WarningsPanel({ warnings }: { warnings: string[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="doc-warnings"
      title={t.documents.warnings}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      }
    />
  );
}

export function StructureEditor({
  doc,
  update,
  focus,
  onLocate,
}: {
  doc: EDoc;
  update: Update;
  focus: Focus;
  onLocate: (text: string) => void;
}) {
  const { t } = useI18n();
  const d = t.documents;
  const untitled = d.categoryUntitled;
  // Only the categories' titles and order matter to the options, not every keystroke in a measure.
  const signature = doc.categories.map((c) => `${c.key}\u0000${c.title}`).join('\u0001');
  const categoryOptions = useMemo(
    () =>
      signature
        ? signature.split('\u0001').map((entry, i) => {
            const [value = '', title = ''] = entry.split('\u0000');
            return { value, label: `${i + 1}. ${title.trim() || untitled}` };
          })
        : [],
    [signature, untitled],
  );
  return (
    <div data-testid="doc-structure">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<OrderedListOutlined />} onClick={() => update(renumber)} data-testid="doc-renumber">
          {d.renumber}
        </Button>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            let key = '';
            update((x) => {
              const r = addCategory(x);
              key = r.key;
              return r.doc;
            });
            focus(key);
          }}
          data-testid="doc-add-category"
        >
          {d.addCategory}
        </Button>
      </Space>
      {doc.categories.length === 0 && <Empty description={d.empty} />}
      {doc.categories.map((c, ci) => (
        <CategoryCard
          key={c.key}
          category={c}
          index={ci}
          update={update}
          focus={focus}
          onLocate={onLocate}
          categoryOptions={categoryOptions}
        />
      ))}
    </div>
  );
}

const CategoryCard = memo(function CategoryCard({
  category,
  index,
  update,
  focus,
  onLocate,
  categoryOptions,
}: {
  category: ECategory;
  index: number;
  update: Update;
  focus: Focus;
  onLocate: (text: string) => void;
  categoryOptions: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const d = t.documents;
  const remove = () => update((x) => deleteCategory(x, category.key));
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, background: '#fafafa' }}
      data-testid={`doc-category-${index}`}
      title={
        <Input
          aria-label={`${d.categoryTitle} ${index + 1}`}
          data-focus-key={category.key}
          variant="borderless"
          style={{ fontWeight: 600, paddingInline: 0 }}
          placeholder={d.categoryUntitled}
          value={category.title}
          onChange={(e) => {
            const title = e.target.value;
            update((x) => editCategory(x, category.key, { title }));
          }}
        />
      }
      extra={
        category.problems.length > 0 ? (
          <Popconfirm
            title={d.deleteCategoryConfirm(category.problems.length)}
            onConfirm={remove}
            okText={t.common.confirm}
            cancelText={t.common.cancel}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={d.deleteCategory} />
          </Popconfirm>
        ) : (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={d.deleteCategory}
            onClick={remove}
          />
        )
      }
    >
      {category.problems.map((p, pi) => (
        <ProblemCard
          key={p.key}
          problem={p}
          first={pi === 0}
          last={pi === category.problems.length - 1}
          categoryKey={category.key}
          categoryOptions={categoryOptions}
          update={update}
          focus={focus}
          onLocate={onLocate}
        />
      ))}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        onClick={() => {
          let key = '';
          update((x) => {
            const r = addProblem(x, category.key);
            key = r.key;
            return r.doc;
          });
          focus(`${key}-title`);
        }}
        data-testid="doc-add-problem"
      >
        {d.addProblem}
      </Button>
    </Card>
  );
});

const ProblemCard = memo(function ProblemCard({
  problem,
  first,
  last,
  categoryKey,
  categoryOptions,
  update,
  focus,
  onLocate,
}: {
  problem: EProblem;
  first: boolean;
  last: boolean;
  categoryKey: string;
  categoryOptions: { value: string; label: string }[];
  update: Update;
  focus: Focus;
  onLocate: (text: string) => void;
}) {
  const { t } = useI18n();
  const d = t.documents;
  const cursors = useRef(new Map<string, number>());
  const set = (patch: Partial<Omit<EProblem, 'key'>>) => update((x) => editProblem(x, problem.key, patch));

  const track = (key: string) => (e: SyntheticEvent<HTMLTextAreaElement>) => {
    cursors.current.set(key, e.currentTarget.selectionStart);
  };
  const split = (m: EMeasure) => {
    const at = cursors.current.get(m.key) ?? -1;
    if (at <= 0 || at >= m.text.length) {
      focus(`${m.key}`);
      return false;
    }
    let created: string | null = null;
    update((x) => {
      const r = splitMeasure(x, problem.key, m.key, at);
      created = r.key;
      return r.doc;
    });
    if (created) focus(created);
    return true;
  };
  const merge = (m: EMeasure) => {
    let kept: string | null = null;
    update((x) => {
      const r = mergeMeasure(x, problem.key, m.key);
      kept = r.key;
      return r.doc;
    });
    if (kept) focus(kept);
  };
  const keyDown = (m: EMeasure) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      cursors.current.set(m.key, e.currentTarget.selectionStart);
      split(m);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid="doc-problem"
      data-number={problem.number}
      styles={{ body: { paddingTop: 8 } }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Input
          aria-label={d.problemNumber}
          style={{ width: 64 }}
          value={problem.number}
          data-testid="doc-problem-number"
          onChange={(e) => set({ number: e.target.value })}
        />
        <Input
          aria-label={d.problemTitle}
          placeholder={d.problemTitle}
          style={{ flex: '1 1 240px', fontWeight: 500 }}
          value={problem.title}
          status={problem.title.trim() ? undefined : 'error'}
          data-focus-key={`${problem.key}-title`}
          data-testid="doc-problem-title"
          onChange={(e) => set({ title: e.target.value })}
        />
        <Space.Compact>
          <Tooltip title={d.locate}>
            <Button
              icon={<AimOutlined />}
              aria-label={d.locate}
              onClick={() => onLocate(problem.text.trim() || problem.title)}
            />
          </Tooltip>
          <Tooltip title={d.moveUp}>
            <Button
              icon={<ArrowUpOutlined />}
              aria-label={d.moveUp}
              disabled={first}
              onClick={() => update((x) => shiftProblem(x, problem.key, -1))}
            />
          </Tooltip>
          <Tooltip title={d.moveDown}>
            <Button
              icon={<ArrowDownOutlined />}
              aria-label={d.moveDown}
              disabled={last}
              onClick={() => update((x) => shiftProblem(x, problem.key, 1))}
            />
          </Tooltip>
          <Tooltip title={d.deleteProblem}>
            <Button
              danger
              icon={<DeleteOutlined />}
              aria-label={d.deleteProblem}
              onClick={() => update((x) => deleteProblem(x, problem.key))}
              data-testid="doc-problem-delete"
            />
          </Tooltip>
        </Space.Compact>
        <Select
          aria-label={d.moveTo}
          size="middle"
          style={{ width: 200 }}
          value={categoryKey}
          options={categoryOptions}
          popupMatchSelectWidth={false}
          onChange={(to: string) => {
            if (to !== categoryKey) {
              update((x) => moveProblem(x, problem.key, to));
              focus(`${problem.key}-title`);
            }
          }}
          data-testid="doc-problem-move"
          title={d.moveTo}
        />
      </div>
      <Input.TextArea
        aria-label={d.problemText}
        placeholder={d.problemText}
        style={{ marginTop: 8, color: '#595959' }}
        autoSize={{ minRows: 1, maxRows: 5 }}
        value={problem.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.measures}
        </Typography.Text>
        {problem.measures.length === 0 && (
          <div>
            <Typography.Text type="warning">{d.noMeasures}</Typography.Text>
          </div>
        )}
        {problem.measures.map((m, mi) => (
          <div
            key={m.key}
            style={{ display: 'flex', gap: 6, alignItems: 'flex-start', marginTop: 6 }}
            data-testid="doc-measure-row"
          >
            <Tag style={{ marginTop: 5, marginInlineEnd: 0 }}>{mi + 1}</Tag>
            <Input.TextArea
              aria-label={`${problem.number} ${d.measure(mi + 1)}`}
              title={d.splitHint}
              autoSize={{ minRows: 1, maxRows: 6 }}
              value={m.text}
              status={m.text.trim() ? undefined : 'error'}
              data-focus-key={m.key}
              data-testid="doc-measure"
              onChange={(e) => {
                cursors.current.set(m.key, e.target.selectionStart);
                const text = e.target.value;
                update((x) => editMeasure(x, problem.key, m.key, text));
              }}
              onSelect={track(m.key)}
              onKeyUp={track(m.key)}
              onClick={track(m.key)}
              onKeyDown={keyDown(m)}
            />
            <Space.Compact>
              <Tooltip title={d.merge}>
                <Button
                  icon={<MergeCellsOutlined />}
                  aria-label={`${d.merge} (${mi + 1})`}
                  disabled={mi === 0}
                  onClick={() => merge(m)}
                  data-testid="doc-merge"
                />
              </Tooltip>
              <Tooltip title={d.splitHint}>
                <Button
                  icon={<ScissorOutlined />}
                  aria-label={`${d.split} (${mi + 1})`}
                  // Keep the cursor in the text: a mouse press on the button must not blur it.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => split(m)}
                  data-testid="doc-split"
                />
              </Tooltip>
              <Tooltip title={d.deleteMeasure}>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${d.deleteMeasure} (${mi + 1})`}
                  onClick={() => update((x) => deleteMeasure(x, problem.key, m.key))}
                  data-testid="doc-measure-delete"
                />
              </Tooltip>
            </Space.Compact>
          </div>
        ))}
        <Button
          size="small"
          type="link"
          icon={<PlusOutlined />}
          style={{ paddingInline: 0, marginTop: 4 }}
          onClick={() => {
            let key = '';
            update((x) => {
              const r = addMeasure(x, problem.key);
              key = r.key;
              return r.doc;
            });
            focus(key);
          }}
          data-testid="doc-add-measure"
        >
          {d.addMeasure}
        </Button>
      </div>
    </Card>
  );
});
