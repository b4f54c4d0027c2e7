#include "ConnectDialog.h"

#include "HostKeyChangedDialog.h"
#include "HostKeyDialog.h"
#include "LoginPrompter.h"
#include "PasswordStore.h"
#include "SecretDialog.h"
#include "TargetConnection.h"
#include "TargetController.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

QString sudoKey(const QString &target) { return u"sudo "_s + target; }

} // namespace

ConnectDialog::ConnectDialog(PasswordStore *passwords, QWidget *parent)
    : QDialog(parent)
    , m_passwords(passwords)
    , m_base(TargetSpec::parse(u"ssh://root@localhost"_s).value())
    , m_recent(RecentTarget::load())
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect to a server"));
    buildForm();
    connect(m_passwords, &PasswordStore::availabilityKnown, this, &ConnectDialog::showKeyringState);
    m_passwords->probe();
    showKeyringState();
    if (!m_recent.isEmpty())
        m_recentBox->setCurrentIndex(1);
    setConnecting(false);
}

ConnectDialog::~ConnectDialog() { cancelAttempt(); }

void ConnectDialog::buildForm()
{
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // a long error makes it taller
    auto *form = new QFormLayout;
    m_recentBox = new QComboBox(this);
    m_recentBox->addItem(tr("A new server"));
    for (const RecentTarget &entry : std::as_const(m_recent)) {
        QString shown = entry.target;
        if (!entry.instance.isEmpty())
            shown += tr(", instance %1").arg(entry.instance);
        if (entry.sudo)
            shown += tr(", sudo");
        m_recentBox->addItem(shown);
    }
    connect(m_recentBox, &QComboBox::currentIndexChanged, this, &ConnectDialog::showRecent);
    form->addRow(tr("&Recent:"), m_recentBox);

    m_host = new QLineEdit(this);
    m_host->setObjectName(u"host"_s);
    m_host->setPlaceholderText(tr("host name or address, e.g. lab-vm or 192.168.56.10"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"port"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(SshTarget::defaultPort);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(new QLabel(tr("&Port:"), this));
    hostRow->addWidget(m_port);
    qobject_cast<QLabel *>(hostRow->itemAt(1)->widget())->setBuddy(m_port);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_host);
    form->addRow(hostLabel, hostRow);
    m_user = new QLineEdit(u"root"_s, this);
    m_user->setObjectName(u"user"_s);
    form->addRow(tr("&User:"), m_user);

    m_agent = new QRadioButton(tr("SSH &agent"), this);
    m_keyFile = new QRadioButton(tr("&Key file:"), this);
    m_password = new QRadioButton(tr("Pass&word (asked when the server wants it)"), this);
    m_password->setObjectName(u"password"_s);
    auto *methods = new QButtonGroup(this);
    for (QRadioButton *method : {m_agent, m_keyFile, m_password})
        methods->addButton(method);
    m_agent->setChecked(true);
    m_identity = new QLineEdit(this);
    m_identity->setObjectName(u"identity"_s);
    m_identity->setPlaceholderText(QDir::homePath() + u"/.ssh/id_ed25519"_s);
    m_browse = new QPushButton(tr("&Browse…"), this);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Private key file"),
                                                          QDir::homePath() + u"/.ssh"_s);
        if (!path.isEmpty())
            m_identity->setText(path);
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile);
    keyRow->addWidget(m_identity, 1);
    keyRow->addWidget(m_browse);
    auto *authentication = new QVBoxLayout;
    authentication->addWidget(m_agent);
    authentication->addLayout(keyRow);
    authentication->addWidget(m_password);
    form->addRow(tr("Log in with:"), authentication);
    connect(methods, &QButtonGroup::buttonToggled, this, &ConnectDialog::updateFields);

    m_sudo = new QCheckBox(tr("Use &sudo (the user is not root; its password is asked if sudo "
                              "wants one)"),
                           this);
    m_sudo->setObjectName(u"sudo"_s);
    form->addRow(QString(), m_sudo);
    m_instance = new QLineEdit(this);
    m_instance->setObjectName(u"instance"_s);
    m_instance->setPlaceholderText(
        tr("empty: /etc/apache2 or /etc/httpd; NAME: /etc/apache2-NAME"));
    form->addRow(tr("Debian &instance:"), m_instance);
    m_remember = new QCheckBox(tr("Re&member passwords in the desktop's keyring"), this);
    m_remember->setObjectName(u"rememberPasswords"_s);
    m_keyringNote = new QLabel(this);
    m_keyringNote->setObjectName(u"keyringNote"_s);
    m_keyringNote->setWordWrap(true);
    auto *keyring = new QVBoxLayout;
    keyring->addWidget(m_remember);
    keyring->addWidget(m_keyringNote);
    form->addRow(QString(), keyring);
    layout->addLayout(form);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->hide();
    layout->addWidget(m_busy);
    m_step = new QLabel(this);
    m_step->setObjectName(u"step"_s);
    m_step->setWordWrap(true);
    layout->addWidget(m_step);
    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    m_error->setPalette(warning);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_local = buttons->addButton(tr("Use the &local lab instead"), QDialogButtonBox::ResetRole);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"connect"_s);
    m_connect->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(u"cancel"_s);
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::connectNow);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectDialog::reject);
    connect(m_local, &QPushButton::clicked, this, [this] {
        cancelAttempt();
        Q_EMIT localLabChosen();
        accept();
    });
    layout->addWidget(buttons);
    setMinimumWidth(640);
}

void ConnectDialog::showRecent(int index)
{
    if (index <= 0 || index > m_recent.size())
        return;
    const RecentTarget &entry = m_recent[index - 1];
    const Result<SshTarget> target = SshTarget::parse(entry.target);
    if (!target)
        return;
    m_host->setText(target->host);
    m_port->setValue(target->port);
    m_user->setText(target->user);
    m_agent->setChecked(entry.authentication == RecentTarget::Authentication::Agent);
    m_keyFile->setChecked(entry.authentication == RecentTarget::Authentication::KeyFile);
    m_password->setChecked(entry.authentication == RecentTarget::Authentication::Password);
    m_identity->setText(entry.identityFile);
    m_sudo->setChecked(entry.sudo);
    m_instance->setText(entry.instance);
    m_remember->setChecked(entry.rememberPasswords && m_passwords->available().value_or(false));
    updateFields();
}

void ConnectDialog::showKeyringState()
{
    const std::optional<bool> available = m_passwords->available();
    m_remember->setEnabled(available.value_or(false) && !isConnecting());
    if (!available) {
        m_keyringNote->setText(tr("Looking for the desktop's keyring…"));
    } else if (*available) {
        m_keyringNote->setText(tr("Passwords are kept only in the desktop's keyring, never in "
                                  "a file of MPM Lab's."));
    } else {
        m_remember->setChecked(false);
        m_keyringNote->setText(tr("No keyring service runs on this desktop: passwords are asked "
                                  "each time and never stored."));
    }
}

void ConnectDialog::updateFields()
{
    const bool idle = !isConnecting();
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_recentBox, m_host, m_port, m_user, m_agent, m_keyFile,
                                          m_password, m_sudo, m_instance, m_local})
        field->setEnabled(idle);
    m_identity->setEnabled(idle && m_keyFile->isChecked());
    m_browse->setEnabled(idle && m_keyFile->isChecked());
    m_connect->setEnabled(idle);
    showKeyringState();
}

void ConnectDialog::fill(const TargetSpec &spec)
{
    if (spec.isLocal())
        return;
    m_base = spec;
    const SshLogin &login = spec.ssh;
    m_recentBox->setCurrentIndex(0);
    m_host->setText(login.target.host);
    m_port->setValue(login.target.port);
    m_user->setText(login.target.user);
    if (!login.credentials.identityFile.isEmpty()) {
        m_keyFile->setChecked(true);
        m_identity->setText(login.credentials.identityFile);
    } else if (!login.credentials.useAgent) {
        m_password->setChecked(true);
    } else {
        m_agent->setChecked(true);
    }
    m_sudo->setChecked(login.sudo.enabled);
    m_instance->setText(login.apache.configDir.startsWith(u"/etc/apache2-")
                            ? login.apache.configDir.mid(13)
                            : QString());
    // A server connected to before keeps its keyring choice.
    for (const RecentTarget &entry : std::as_const(m_recent)) {
        if (entry.target == login.target.toString())
            m_remember->setChecked(entry.rememberPasswords
                                   && m_passwords->available().value_or(false));
    }
    updateFields();
}

Result<TargetSpec> ConnectDialog::specFromFields() const
{
    const QString host = m_host->text().trimmed();
    const QString user = m_user->text().trimmed();
    if (host.isEmpty())
        return Error{Error::Kind::InvalidInput, tr("Give the server's host name or address."), {}};
    if (user.isEmpty())
        return Error{Error::Kind::InvalidInput, tr("Give the user to log in as."), {}};
    const QString bracketed =
        host.contains(u':') && !host.startsWith(u'[') ? u'[' + host + u']' : host;
    Result<TargetSpec> parsed =
        TargetSpec::parse(u"ssh://%1@%2:%3"_s.arg(user, bracketed).arg(m_port->value()));
    if (!parsed)
        return parsed.error();
    TargetSpec spec = std::move(parsed).value();
    SshLogin &login = spec.ssh;
    login.policy = m_base.ssh.policy;
    login.credentials.commandTimeout = m_base.ssh.credentials.commandTimeout;
    login.credentials.connectTimeout = m_base.ssh.credentials.connectTimeout;
    login.credentials.useAgent = m_agent->isChecked();
    if (m_keyFile->isChecked()) {
        const QString file = m_identity->text().trimmed();
        if (file.isEmpty())
            return Error{Error::Kind::InvalidInput, tr("Choose the private key file."), {}};
        login.credentials.identityFile = file;
        if (file == m_base.ssh.credentials.identityFile)
            login.credentials.passphrase = m_base.ssh.credentials.passphrase;
    }
    if (login.target.toString() == m_base.ssh.target.toString()) {
        login.credentials.password = m_base.ssh.credentials.password;
        login.sudo.password = m_base.ssh.sudo.password;
    }
    login.sudo.enabled = m_sudo->isChecked();
    const QString instance = m_instance->text().trimmed();
    if (!instance.isEmpty()) {
        login.apache.configDir = u"/etc/apache2-"_s + instance;
        if (Status valid = RemoteApacheOptions::validateConfigDir(login.apache.configDir); !valid)
            return valid.error();
    }
    return spec;
}

RecentTarget ConnectDialog::recentFromFields(const QString &target) const
{
    RecentTarget entry;
    entry.target = target;
    entry.authentication = m_keyFile->isChecked()    ? RecentTarget::Authentication::KeyFile
                           : m_password->isChecked() ? RecentTarget::Authentication::Password
                                                     : RecentTarget::Authentication::Agent;
    entry.identityFile = m_keyFile->isChecked() ? m_identity->text().trimmed() : QString();
    entry.sudo = m_sudo->isChecked();
    entry.instance = m_instance->text().trimmed();
    entry.rememberPasswords = m_remember->isChecked();
    return entry;
}

void ConnectDialog::connectNow()
{
    if (isConnecting())
        return;
    Result<TargetSpec> spec = specFromFields();
    if (!spec) {
        showError(spec.error().message);
        return;
    }
    m_error->clear();
    const QString target = spec->ssh.target.toString();
    if (!m_remember->isChecked() || !m_passwords->available().value_or(false)) {
        startAttempt(std::move(spec).value());
        return;
    }
    // The keyring's passwords first, then the attempt (asked again if refused).
    m_step->setText(tr("Reading the keyring…"));
    TargetSpec withSecrets = std::move(spec).value();
    m_passwords->read(target, [this, withSecrets, target](const QString &password) mutable {
        if (withSecrets.ssh.credentials.password.isEmpty() && m_password->isChecked())
            withSecrets.ssh.credentials.password = password;
        m_passwords->read(sudoKey(target), [this, withSecrets](const QString &sudo) mutable {
            if (withSecrets.ssh.sudo.password.isEmpty())
                withSecrets.ssh.sudo.password = sudo;
            startAttempt(std::move(withSecrets));
        });
    });
}

void ConnectDialog::startAttempt(TargetSpec spec)
{
    delete m_prompter;
    m_prompter = new LoginPrompter(this);
    m_hostKeyAsked = false;
    connect(m_prompter, &LoginPrompter::questionShown, this, [this](QDialog *dialog) {
        if (qobject_cast<HostKeyDialog *>(dialog))
            m_hostKeyAsked = true;
    });
    auto *connection = new TargetConnection(std::move(spec), this);
    m_attempt = connection;
    TargetController *controller = connection->controller();
    connect(controller, &TargetController::progress, this, [this, connection](const QString &step) {
        if (m_attempt == connection)
            m_step->setText(step + u'…');
    });
    connect(controller, &TargetController::opened, this,
            [this, connection](const ServerDescription &description) {
                attemptOpened(connection, description);
            });
    connect(controller, &TargetController::openFailed, this,
            [this, connection](const QString &message, const QString &details, bool hostKey,
                               bool cancelled) {
                attemptFailedWith(connection, message, details, hostKey, cancelled);
            });
    setConnecting(true);
    m_step->setText(tr("Connecting to %1…").arg(connection->targetName()));
    connection->open(m_prompter);
}

void ConnectDialog::attemptOpened(TargetConnection *connection,
                                  const ServerDescription &description)
{
    if (m_attempt != connection)
        return;
    m_attempt = nullptr;
    const QString target = connection->targetName();
    RecentTarget::remember(recentFromFields(target));
    if (m_remember->isChecked()) {
        m_passwords->write(target, m_prompter->answer(SecretDialog::Question::Password));
        m_passwords->write(sudoKey(target), m_prompter->answer(SecretDialog::Question::Sudo));
    }
    setConnecting(false);
    m_step->setText(tr("Connected to %1.").arg(target));
    connection->setParent(nullptr);
    Q_EMIT connected(connection, description);
    accept();
}

void ConnectDialog::attemptFailedWith(TargetConnection *connection, const QString &message,
                                      const QString &details, bool hostKeyRefused, bool cancelled)
{
    if (m_attempt != connection)
        return;
    m_attempt = nullptr;
    connection->deleteLater();
    setConnecting(false);
    if (cancelled) {
        m_step->setText(tr("Cancelled."));
        Q_EMIT attemptFailed(message);
        return;
    }
    m_step->clear();
    showError(message, details);
    if (hostKeyRefused && !m_hostKeyAsked) {
        // Not a question: a changed key is refused, and nothing here accepts it.
        auto *refusal = new HostKeyChangedDialog(message, this);
        refusal->setAttribute(Qt::WA_DeleteOnClose);
        refusal->open();
    }
    Q_EMIT attemptFailed(message);
}

void ConnectDialog::cancelAttempt()
{
    if (m_prompter)
        m_prompter->cancel();
    if (TargetConnection *attempt = m_attempt) {
        m_attempt = nullptr;
        attempt->abandon();
    }
}

void ConnectDialog::reject()
{
    if (isConnecting()) {
        cancelAttempt();
        setConnecting(false);
        m_step->setText(tr("Cancelled."));
        return;
    }
    QDialog::reject();
}

void ConnectDialog::setConnecting(bool connecting)
{
    m_busy->setVisible(connecting);
    m_cancel->setText(connecting ? tr("Cancel connecting") : tr("Close"));
    updateFields();
}

QString ConnectDialog::sentence(const QString &message)
{
    // The core's messages begin in lower case, for the CLI's "mpmlab-cli: ...".
    QString text = message;
    if (!text.isEmpty() && !text.startsWith(u"ssh://"_s))
        text[0] = text[0].toUpper();
    return text;
}

void ConnectDialog::showError(const QString &message, const QString &details)
{
    m_error->setText(sentence(message));
    m_error->setToolTip(details);
    adjustSize();
}

QString ConnectDialog::errorText() const { return m_error->text(); }

QString ConnectDialog::stepText() const { return m_step->text(); }
