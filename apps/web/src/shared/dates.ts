import dayjs, { type Dayjs } from 'dayjs';

export const toDay = (value: string | null | undefined): Dayjs | null => (value ? dayjs(value) : null);
export const fromDay = (value: Dayjs | null | undefined): string | null =>
  value ? value.format('YYYY-MM-DD') : null;
