package ca.gouv.qc.declarationsia.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Connections to the SMTP server the application is configured with ({@code spring.mail.*}), with a timeout fitted to
 * each phase: a short one for connecting and for each command's reply, so that a hung server is noticed in a minute,
 * and a long one for the final reply after the message (RFC 5321 gives it 10 minutes), so that a server slow to
 * acknowledge a mail it already stored is not taken for a failure and sent the mail again.
 */
final class SmtpConnections {

    static final String FINAL_REPLY_TIMEOUT = "mail.smtp.declarations.finalreplytimeout";

    private final Session session;
    private final JavaMailSenderImpl settings;

    SmtpConnections(JavaMailSenderImpl settings, OutboxProperties.Smtp timeouts) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.putAll(settings.getJavaMailProperties());
        properties.put("mail.smtp.connectiontimeout", String.valueOf(timeouts.connect().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(timeouts.command().toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(timeouts.write().toMillis()));
        properties.put(FINAL_REPLY_TIMEOUT, String.valueOf(timeouts.finalReply().toMillis()));
        properties.put("mail.smtp.socketFactory", new TrackedSockets());
        properties.put("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(properties);
        try {
            this.session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", PhasedSmtpTransport.class.getName(),
                    "Déclarations IA", "1"));
        } catch (jakarta.mail.NoSuchProviderException impossible) {
            throw new IllegalStateException("SMTP transport not registered", impossible);
        }
    }

    Session session() {
        return session;
    }

    Transport open() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        return transport;
    }

    /** Remembers the socket the current thread opened, so that its transport may lengthen the final reply's wait. */
    static final class TrackedSockets extends SocketFactory {

        static final ThreadLocal<Socket> CURRENT = new ThreadLocal<>();

        @Override
        public Socket createSocket() {
            return track(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(new Socket(address, port, localAddress, localPort));
        }

        private static Socket track(Socket socket) {
            CURRENT.set(socket);
            return socket;
        }
    }

    /** SMTP whose wait for the reply to the end of the message is the long one (also under STARTTLS). */
    public static final class PhasedSmtpTransport extends SMTPTransport {

        public PhasedSmtpTransport(Session session, URLName name) {
            super(session, name);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            waitLonger(super::finishData);
        }

        @Override
        protected void finishBdat() throws IOException, MessagingException {
            waitLonger(super::finishBdat);
        }

        private interface Reply {
            void await() throws IOException, MessagingException;
        }

        private void waitLonger(Reply reply) throws IOException, MessagingException {
            Socket socket = TrackedSockets.CURRENT.get();
            String finalReply = session.getProperty(FINAL_REPLY_TIMEOUT);
            if (socket == null || finalReply == null || socket.isClosed()) {
                reply.await();
                return;
            }
            int commandTimeout = socket.getSoTimeout();
            socket.setSoTimeout(Integer.parseInt(finalReply));
            try {
                reply.await();
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(commandTimeout);
                }
            }
        }
    }
}
