import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler } from '../api/client.ts';
import type { Me, Role } from '../api/types.ts';

// Who is signed in. When the session expires mid-work the page stays mounted and a sign-in
// dialog opens over it, so text typed into a form survives the re-login.

interface Session {
  me: Me;
  expired: boolean;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function useMe(): Me {
  return useSession().me;
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.grants.some((g) => roles.includes(g.role));
}

export function SessionProvider({
  children,
  signIn,
  loading,
}: {
  children: ReactNode;
  signIn: (props: { onSignedIn: (me: Me) => void; expired: boolean; username?: string }) => ReactNode;
  loading: ReactNode;
}) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setMe(await api.me());
    } catch {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthenticatedHandler(() => setExpired(true));
    return () => setUnauthenticatedHandler(null);
  }, []);

  const value = useMemo<Session | null>(
    () =>
      me
        ? {
            me,
            expired,
            signedIn: (next) => {
              setMe(next);
              setExpired(false);
            },
            signOut: async () => {
              await api.logout().catch(() => undefined);
              // A clean start: nothing of this person's view stays for the next one.
              window.location.assign('/');
            },
            refresh,
          }
        : null,
    [me, expired, refresh],
  );

  if (me === undefined) return <>{loading}</>;
  if (me === null || !value) {
    return <>{signIn({ onSignedIn: (next) => setMe(next), expired: false })}</>;
  }
  return (
    <SessionContext.Provider value={value}>
      {children}
      {expired &&
        signIn({
          expired: true,
          username: me.username,
          onSignedIn: (next) => {
            if (next.id !== me.id) {
              // Another person signed in: start clean, nothing of the previous user's view stays.
              window.location.assign('/');
              return;
            }
            setMe(next);
            setExpired(false);
          },
        })}
    </SessionContext.Provider>
  );
}
