/** One message in a user's inbox. */
export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  measureId: number | null;
  noticeId: number | null;
  createdAt: string;
  readAt: string | null;
}
