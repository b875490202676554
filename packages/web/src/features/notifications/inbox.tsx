// The staff inbox: the newest notice first, unread ones marked, each with the person it is
// about (when the reader may see that person) and a button to mark it read.
import { useState } from 'react';
import { Link } from 'react-router';
import type { StaffNotification } from '../../api/types.ts';
import { Checkbox } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ActionError, Badge, LoadError, Loading } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useInbox, useMarkRead } from './api.ts';

export function InboxPage() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInbox(unreadOnly);
  const mark = useMarkRead();
  const unread = inbox.data?.unread ?? 0;
  return (
    <Page title={t('inbox.title')} lead={t('inbox.intro')}>
      <Checkbox id="unreadOnly" label={t('inbox.unreadOnly')} checked={unreadOnly} onChange={setUnreadOnly} />
      {inbox.data ? (
        <p role="status">{unread === 0 ? t('inbox.allRead') : t('inbox.unreadCount', { count: unread })}</p>
      ) : null}
      {unread > 0 ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={mark.isPending}
            onClick={() => mark.mutate({ upTo: inbox.data?.items[0]?.createdAt ?? new Date().toISOString() })}
          >
            {t('inbox.markAll')}
          </button>
        </p>
      ) : null}
      {mark.isError ? <ActionError error={mark.error} /> : null}
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <LoadError error={inbox.error} onRetry={() => inbox.refetch()} /> : null}
      {inbox.data && inbox.data.items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      {inbox.data && inbox.data.items.length > 0 ? (
        <ul className="inbox" aria-label={t('inbox.listLabel')}>
          {inbox.data.items.map((notice) => (
            <Notice
              key={notice.id}
              notice={notice}
              pending={mark.isPending}
              onRead={() => mark.mutate({ id: notice.id })}
            />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function Notice({
  notice,
  pending,
  onRead,
}: {
  notice: StaffNotification;
  pending: boolean;
  onRead: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const unread = notice.readAt === null;
  return (
    <li className={unread ? 'inbox__item inbox__item--unread' : 'inbox__item'}>
      <p className="inbox__meta">
        {unread ? (
          <>
            <Badge>{t('inbox.new')}</Badge>{' '}
          </>
        ) : null}
        <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt)}</time>
        {notice.person ? (
          <>
            {' · '}
            <Link to={`/persons/${notice.person.id}`}>{notice.person.name}</Link>
          </>
        ) : null}
      </p>
      <p className="inbox__text">{notice.text}</p>
      {unread ? (
        <button type="button" className="button button--secondary" disabled={pending} onClick={onRead}>
          {t('inbox.markRead')}
          <span className="visually-hidden">: {notice.text}</span>
        </button>
      ) : (
        <p className="inbox__read">{t('inbox.readAt', { at: formatDateTime(notice.readAt ?? '') })}</p>
      )}
    </li>
  );
}
