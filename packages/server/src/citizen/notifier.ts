// The notification adapter: e-mail and SMS to citizens go through a transport chosen at start.
// In development, the demo and tests the transport only logs (no message leaves the machine);
// a municipality plugs in its SMS/e-mail gateway here.
export type OutgoingMessage = { id: string; channel: 'sms' | 'email'; recipient: string; text: string };

export type Notifier = {
  /** True when the message was handed over to the transport. */
  send(message: OutgoingMessage): Promise<boolean>;
};

export function loggingNotifier(log: { info(obj: object, msg: string): void }): Notifier {
  return {
    async send(message) {
      // The recipient is not logged: a phone number or address is person data.
      log.info(
        { notificationId: message.id, channel: message.channel, text: message.text },
        'notification (logging transport)',
      );
      return true;
    },
  };
}
