import { useState } from 'react';
import { Button, Card, Input } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { messagesApi, type PublicMessageDetail } from './api.ts';
import { useToast } from './useToast.tsx';
import './messages.ts';

// The assigned unit's answer, which the sender reads with his tracking code.

export function AnswerCard({
  message,
  onChange,
}: {
  message: PublicMessageDetail;
  onChange: (next: PublicMessageDetail) => void;
}) {
  const m = useI18n().t.publicMessages;
  const toast = useToast();
  const [text, setText] = useState(message.answer ?? '');
  return (
    <Card size="small" title={m.answerTitle}>
      {toast.holder}
      <Input.TextArea
        id="answer-text"
        rows={5}
        maxLength={5000}
        showCount
        value={text}
        placeholder={m.answerPlaceholder}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={text.trim().length < 2}
        data-testid="answer-submit"
        onClick={() =>
          void toast.run(() => messagesApi.answer(message.id, text), m.answered).then((r) => r && onChange(r))
        }
      >
        {m.sendAnswer}
      </Button>
    </Card>
  );
}
