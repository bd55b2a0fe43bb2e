//! `armsflow serve`: the HTTP API and dashboard. Loopback by default; with no
//! release stored it serves SYNTHETIC demo data, clearly labelled.

use crate::common::{UserError, data_dir};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (host:port). Anything but loopback exposes the server.
    #[arg(long, value_name = "ADDR", default_value = server::DEFAULT_BIND)]
    pub bind: SocketAddr,
    /// Port, overriding the port of --bind
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// Data directory [default: $XDG_DATA_HOME/armsflow or ~/.local/share/armsflow]
    #[arg(long, value_name = "DIR", env = store::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,
    /// Enables `POST /api/releases` (imports) for requests bearing this token (at least 16 characters)
    #[arg(long, value_name = "T", env = server::ADMIN_TOKEN_ENV, hide_env_values = true)]
    pub admin_token: Option<String>,
    /// A host name the server also answers to when bound to loopback (e.g. behind a reverse proxy);
    /// repeatable. Other `Host` headers are refused (DNS rebinding).
    #[arg(long, value_name = "HOST")]
    pub public_host: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let mut bind = args.bind;
    if let Some(p) = args.port {
        bind.set_port(p);
    }
    let mut config = server::ServeConfig::new(data_dir(args.data_dir.as_deref())?);
    config.bind = bind;
    config.admin_token = args.admin_token;
    config.public_hosts = args.public_host;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let srv = server::bind(config).await.map_err(|e| match e {
            server::ServeError::Bind { .. } | server::ServeError::Setup(_) => {
                anyhow::Error::new(UserError(e.to_string()))
            }
            other => anyhow::Error::new(other),
        })?;
        let st = srv.state();
        println!("armsflow: serving on {}", srv.url());
        let damaged = st.health().damaged;
        match st.demo() {
            // The demo because every stored release is unreadable, not
            // because none was imported (regression: it said "no release
            // stored").
            Some(_) if st.releases().is_empty() && !damaged.is_empty() => {
                for (name, why) in damaged.iter() {
                    eprintln!("armsflow: warning: skipping {name}: {why}");
                }
                println!(
                    "armsflow: no readable release in {} ({} damaged, see above): showing SYNTHETIC DEMO DATA (not SIPRI).\n\
                     armsflow: re-import the file with `armsflow import FILE`, then reload.",
                    st.data_dir().display(),
                    damaged.len()
                )
            }
            Some(_) if st.releases().is_empty() => println!(
                "armsflow: no release stored in {}: showing SYNTHETIC DEMO DATA (not SIPRI).\n\
                 armsflow: for real data run `armsflow import FILE` or `armsflow fetch`, then reload.",
                st.data_dir().display()
            ),
            _ => println!("armsflow: data directory {}", st.data_dir().display()),
        }
        if !srv.local_addr().ip().is_loopback() {
            eprintln!("armsflow: warning: listening on a non-loopback address; anyone who can reach it can read the API");
        }
        if st.admin_token.is_some() {
            println!("armsflow: imports enabled (POST /api/releases with the admin token)");
        }
        println!("armsflow: press Ctrl-C to stop");
        srv.run().await?;
        Ok(())
    })
}
