import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tree,
  TreeSelect,
  Typography,
  message,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import {
  ROLES,
  UNIT_KINDS,
  type AuditEvent,
  type Role,
  type Unit,
  type UnitKind,
  type User,
} from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';
import { ErrorAlert, PageTitle, formatDateTime, unitTree, useAsync } from '../../shared/ui.tsx';

// 系统管理: the unit tree, users and their role grants, and the audit log.

export default function AdminPage() {
  const t = useI18n().t;
  const units = useAsync(() => api.units(), []);
  return (
    <div>
      <PageTitle>{t.admin.title}</PageTitle>
      <ErrorAlert error={units.error} onRetry={() => void units.reload()} />
      <Tabs
        items={[
          {
            key: 'units',
            label: t.admin.units,
            children: <UnitsTab units={units.data ?? []} reload={() => void units.reload()} />,
          },
          { key: 'users', label: t.admin.users, children: <UsersTab units={units.data ?? []} /> },
          { key: 'audit', label: t.admin.audit, children: <AuditTab /> },
        ]}
      />
    </div>
  );
}

function UnitsTab({ units, reload }: { units: Unit[]; reload: () => void }) {
  const { t, lang } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  const [msg, holder] = message.useMessage();
  const [addForm] = Form.useForm<{ name: string; kind: UnitKind }>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const tree = useMemo(() => unitTree(units), [units]);
  const unit = units.find((u) => u.id === selected);

  const add = async (v: { name: string; kind: UnitKind }) => {
    if (!unit) return;
    try {
      await api.createUnit({ name: v.name.trim(), kind: v.kind, parentId: unit.id });
      void msg.success(t.common.saved);
      addForm.resetFields();
      reload();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };
  const rename = async (v: { name: string }) => {
    if (!unit) return;
    try {
      await api.renameUnit(unit.id, v.name.trim());
      void msg.success(t.common.saved);
      reload();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };

  return (
    <Row gutter={[16, 16]}>
      {holder}
      <Col xs={24} md={10}>
        <Card size="small" title={t.admin.units}>
          {tree.length > 0 && (
            <Tree
              treeData={tree}
              defaultExpandAll
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                const id = Number(keys[0]);
                setSelected(Number.isFinite(id) && keys.length ? id : null);
                const u = units.find((x) => x.id === id);
                if (u) renameForm.setFieldsValue({ name: u.name });
              }}
              titleRender={(node) => {
                const u = units.find((x) => x.id === node.key);
                return (
                  <span>
                    {node.title as string}{' '}
                    {u && <Tag style={{ marginInlineStart: 4 }}>{t.unitKind[u.kind]}</Tag>}
                  </span>
                );
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={14}>
        {!unit ? (
          <Alert type="info" showIcon title={t.admin.selectUnit} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Card size="small" title={`${unit.name} · ${t.unitKind[unit.kind]}`}>
              <Form form={renameForm} layout="inline" onFinish={rename}>
                <Form.Item
                  name="name"
                  rules={[{ required: true, whitespace: true, message: t.common.required }]}
                >
                  <Input aria-label={t.admin.unitName} maxLength={200} />
                </Form.Item>
                <Button htmlType="submit">{t.admin.rename}</Button>
              </Form>
            </Card>
            <Card size="small" title={t.admin.addUnit}>
              <Form form={addForm} layout="vertical" onFinish={add} initialValues={{ kind: 'department' }}>
                <Form.Item
                  name="name"
                  label={t.admin.unitName}
                  rules={[{ required: true, whitespace: true, message: t.common.required }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="kind" label={t.admin.unitKind}>
                  <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t.unitKind[k] }))} />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
                  {t.common.create}
                </Button>
              </Form>
            </Card>
          </Space>
        )}
      </Col>
    </Row>
  );
}

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
  unitId: number;
  email?: string;
  grants: { role: Role; unitId: number; principal?: boolean }[];
}

function UsersTab({ units }: { units: Unit[] }) {
  const { t, lang } = useI18n();
  const users = useAsync(() => api.users(), []);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [msg, holder] = message.useMessage();

  const toggle = async (u: User) => {
    try {
      await api.patchUser(u.id, { disabled: !u.disabled });
      void users.reload();
    } catch (e) {
      void msg.error(errorText(e, t, lang));
    }
  };

  return (
    <Card
      size="small"
      title={t.admin.users}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t.admin.addUser}
        </Button>
      }
    >
      {holder}
      <ErrorAlert error={users.error} onRetry={() => void users.reload()} />
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t.admin.username, dataIndex: 'username', width: 120 },
          { title: t.admin.displayName, dataIndex: 'displayName', width: 180 },
          { title: t.admin.userUnit, dataIndex: 'unitName', width: 140 },
          {
            title: t.admin.grants,
            render: (_, u) =>
              u.grants.map((g) => (
                <Tag key={`${g.role}-${g.unitId}`} color="volcano">
                  {t.roles[g.role]}
                  {g.principal ? `（${t.notices.settings.principal}）` : ''} · {g.unitName}
                </Tag>
              )),
          },
          {
            title: t.admin.state,
            width: 80,
            render: (_, u) =>
              u.disabled ? <Tag>{t.admin.disabled}</Tag> : <Tag color="green">{t.admin.enabled}</Tag>,
          },
          {
            title: t.common.actions,
            width: 150,
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)}>
                  {t.common.edit}
                </Button>
                <Button size="small" danger={!u.disabled} onClick={() => void toggle(u)}>
                  {u.disabled ? t.admin.enable : t.admin.disable}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserDialog
          user={editing === 'new' ? undefined : editing}
          units={units}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void users.reload();
          }}
        />
      )}
    </Card>
  );
}

function UserDialog({
  user,
  units,
  onClose,
}: {
  user?: User;
  units: Unit[];
  onClose: (saved: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<UserValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tree = useMemo(() => unitTree(units), [units]);

  const submit = async (v: UserValues) => {
    setBusy(true);
    setError(null);
    const grants = (v.grants ?? [])
      .filter((g) => g.role && g.unitId)
      .map((g) => ({ role: g.role, unitId: g.unitId, principal: g.role === 'leader' && !!g.principal }));
    try {
      if (user) {
        await api.patchUser(user.id, {
          displayName: v.displayName.trim(),
          email: v.email?.trim() || null,
          ...(v.password ? { password: v.password } : {}),
        });
        await api.setGrants(user.id, grants);
      } else {
        await api.createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password ?? '',
          unitId: v.unitId,
          email: v.email?.trim() || null,
          grants,
        });
      }
      onClose(true);
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={user ? `${t.common.edit} · ${user.username}` : t.admin.addUser}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={busy}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<UserValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                unitId: user.unitId,
                email: user.email ?? undefined,
                grants: user.grants.map((g) => ({
                  role: g.role,
                  unitId: g.unitId,
                  principal: !!g.principal,
                })),
              }
            : { grants: [{ role: 'clerk' }] }
        }
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            columnGap: 12,
          }}
        >
          <Form.Item
            name="username"
            label={t.admin.username}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t.common.required }]}
          >
            <Input disabled={!!user} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t.admin.displayName}
            rules={[{ required: true, whitespace: true, message: t.common.required }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="password"
            label={user ? t.admin.newPassword : t.admin.password}
            extra={t.admin.passwordHint}
            rules={[{ required: !user, min: 8, message: t.admin.passwordHint }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t.admin.userUnit}
            rules={[{ required: true, message: t.common.required }]}
          >
            <TreeSelect
              treeData={tree}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              disabled={!!user}
            />
          </Form.Item>
          <Form.Item name="email" label={t.admin.email} rules={[{ type: 'email' }]}>
            <Input />
          </Form.Item>
        </div>
        <Typography.Text strong>{t.admin.grants}</Typography.Text>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={[{ required: true, message: t.common.required }]}
                  >
                    <Select
                      style={{ width: 160 }}
                      aria-label={t.admin.grantRole}
                      options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unitId']}
                    rules={[{ required: true, message: t.common.required }]}
                  >
                    <TreeSelect
                      style={{ width: 240 }}
                      aria-label={t.admin.grantUnit}
                      placeholder={t.admin.grantUnit}
                      treeData={tree}
                      showSearch={{ treeNodeFilterProp: 'title' }}
                      treeDefaultExpandAll
                    />
                  </Form.Item>
                  <PrincipalBox name={field.name} />
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t.common.delete}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'clerk' })}>
                {t.admin.addGrant}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 主要领导, on a leader grant only: level-3 notices go to the unit's principal leader. */
function PrincipalBox({ name }: { name: number }) {
  const t = useI18n().t;
  const form = Form.useFormInstance<UserValues>();
  const role = Form.useWatch(['grants', name, 'role'], form);
  if (role !== 'leader') return null;
  return (
    <Form.Item name={[name, 'principal']} valuePropName="checked">
      <Checkbox data-testid="grant-principal" title={t.notices.settings.principalHint}>
        {t.notices.settings.principal}
      </Checkbox>
    </Form.Item>
  );
}

function AuditTab() {
  const t = useI18n().t;
  const audit = useAsync(() => api.audit({ limit: 500 }), []);
  return (
    <Card size="small">
      <ErrorAlert error={audit.error} onRetry={() => void audit.reload()} />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={audit.loading}
        dataSource={audit.data ?? []}
        virtual
        scroll={{ x: 800, y: 520 }}
        pagination={false}
        columns={[
          { title: t.admin.auditAt, dataIndex: 'at', width: 160, render: formatDateTime },
          { title: t.admin.auditActor, dataIndex: 'actorName', width: 180 },
          {
            title: t.admin.auditAction,
            dataIndex: 'action',
            width: 220,
            render: (a: string) => t.measure.audit[a] ?? a,
          },
          { title: t.admin.auditEntity, width: 200, render: (_, e) => `${e.entity} #${e.entityId}` },
        ]}
      />
    </Card>
  );
}
